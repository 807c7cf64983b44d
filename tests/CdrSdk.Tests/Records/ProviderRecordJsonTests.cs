using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using CdrSdk.Tsg.Api;

namespace CdrSdk.Tests.Records;

/// <summary>
/// <see cref="CallRecord.TryWriteProviderRecordJson"/>: every provider's record as that provider's JSON (its own field
/// names, what the SDK reads back unchanged), CSV rows as their columns, and nothing for a record built by hand.
/// </summary>
public sealed class ProviderRecordJsonTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-3).AddHours(9);
    private static readonly DateTimeOffset Until = Since.AddHours(2);

    // How CdrSdk.Sync wrote the record column before this method: reflection, snake_case names, nulls left out.
    private static readonly JsonSerializerOptions SnakeCaseReflection = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync(o =>
    {
        o.CallsPerHour = 60;
        o.MessagesPerHour = 60;
    });

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("SMS", "fromNumber")]
    [InlineData("VOICE", "sourceAni")]
    [InlineData("API", "destination")]
    public async Task Tsg_records_are_written_with_tsg_s_own_camel_case_names(string type, string field)
    {
        await using var client = TestClients.Tsg(_emulator);
        var records = await client.Tsg.AsCdrSource(new TsgCdrType(type)).ListAsync(Since, Until, Ct).ToListAsync(Ct);
        var expected = _emulator.TsgData.Records(type, Since, Until).ToList();
        Assert.True(expected.Count > 10, $"only {expected.Count} {type} records in the window");
        Assert.Equal(expected.Count, records.Count);

        foreach (var (record, tsg) in records.Zip(expected))
        {
            var json = Write(record);
            using var document = JsonDocument.Parse(json);
            var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(tsg.Typename, document.RootElement.GetProperty("__typename").GetString());
            Assert.Contains("datetime", names);
            Assert.Equal(tsg.Fields[field], document.RootElement.GetProperty(field).GetString());
            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name is not ("__typename" or "datetime")))
            {
                Assert.True(tsg.Fields.ContainsKey(property.Name), $"'{property.Name}' is not one of TSG's fields ({string.Join(", ", tsg.Fields.Keys)})");
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    Assert.Equal(tsg.Fields[property.Name], property.Value.GetString());
                }
            }

            // What the SDK reads back from it is the same record: it is TSG's wire shape.
            var contract = TsgJsonContext.Wire.GetTypeInfo(record.ProviderRecord.GetType())!;
            var reread = new CallRecord { Provider = record.Provider, Id = record.Id, Kind = record.Kind, ProviderRecord = JsonSerializer.Deserialize(json, contract)! };
            Assert.Equal(json, Write(reread));
        }
    }

    [Fact]
    public async Task Voiso_and_kazoo_records_are_written_with_their_snake_case_names_as_before()
    {
        await using var voisoClient = TestClients.Voiso(_emulator);
        await using var kazooClient = TestClients.Kazoo(_emulator);
        var voiso = await voisoClient.Voiso.AsCdrSource().ListAsync(Since, Until, Ct).ToListAsync(Ct);
        var kazoo = await kazooClient.Kazoo.AsCdrSource(KazooDataSet.AccountIds[0]).ListAsync(Since, Until, Ct).ToListAsync(Ct);
        Assert.True(voiso.Count > 50 && kazoo.Count > 50, $"{voiso.Count} Voiso and {kazoo.Count} Kazoo records");

        foreach (var record in voiso.Concat(kazoo))
        {
            var json = Write(record);
            Assert.Equal(JsonSerializer.Serialize(record.ProviderRecord, record.ProviderRecord.GetType(), SnakeCaseReflection), json);
            using var document = JsonDocument.Parse(json);
            Assert.Equal(record.Id, document.RootElement.GetProperty("id").GetString());
        }

        Assert.All(kazoo, r => Assert.Contains("\"hangup_cause\":", Write(r), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Telnyx_rows_are_written_as_their_columns_in_header_order()
    {
        await using var client = TestClients.Telnyx(_emulator);
        var records = await client.Telnyx.AsCdrSource().ListAsync(Since, Until, Ct).ToListAsync(Ct);
        Assert.True(records.Count > 50, $"only {records.Count} Telnyx records");

        foreach (var record in records)
        {
            var row = record.GetProviderRecord<CsvRecord>();
            using var document = JsonDocument.Parse(Write(record));
            var properties = document.RootElement.EnumerateObject().ToList();
            Assert.Equal(row.Columns.Take(row.FieldCount), properties.Select(p => p.Name));
            Assert.Equal(Enumerable.Range(0, properties.Count).Select(i => row[i]), properties.Select(p => p.Value.GetString()));
            Assert.Equal(record.Id, row["uuid"]);
        }
    }

    [Theory]
    [InlineData("""{"id":7,"type":"email","started_at":"2026-11-02T09:00:00Z"}""", """{"id":"7","type":"email","started_at":"2026-11-02T09:00:00+00:00"}""")]
    [InlineData("""{"id":"8","type":"email","data":{"subject":"hi","to":["a@b.c"]}}""", """{"data":{"subject":"hi","to":["a@b.c"]},"id":"8","type":"email"}""")]
    public void A_voiso_record_of_a_type_the_sdk_does_not_know_is_written_with_its_data_only_when_it_had_some(string sent, string expected)
    {
        var cdr = JsonSerializer.Deserialize(sent, CdrSdk.Voiso.Api.VoisoJsonContext.Wire.VoisoCdr)!;
        Assert.IsType<CdrSdk.Voiso.VoisoUnknownCdr>(cdr);
        var record = new CallRecord { Provider = CdrProvider.Voiso, Id = cdr.Id!, Kind = CallKind.Call, ProviderRecord = cdr };

        Assert.Equal(expected, Write(record));
    }

    [Fact]
    public void A_provider_record_type_derived_outside_the_sdk_is_left_to_the_caller()
    {
        var record = new CallRecord { Provider = CdrProvider.Voiso, Id = "9", Kind = CallKind.Call, ProviderRecord = new OwnVoisoCdr { Id = "9" } };
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);

        Assert.False(record.TryWriteProviderRecordJson(writer));
        writer.Flush();
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public void A_record_built_by_hand_is_left_to_the_caller()
    {
        var record = new CallRecord { Provider = CdrProvider.Kazoo, Id = "x", Kind = CallKind.Call, ProviderRecord = new { leg = "a" } };
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);

        Assert.False(record.TryWriteProviderRecordJson(writer));
        writer.Flush();
        Assert.Equal(0, buffer.WrittenCount);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => record.TryWriteProviderRecordJson(null!)).ParamName);
    }

    private sealed class OwnVoisoCdr : CdrSdk.Voiso.VoisoCdr;

    private static string Write(CallRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Assert.True(record.TryWriteProviderRecordJson(writer), $"a {record.ProviderRecord.GetType().Name} was not written");
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
