using System.Globalization;
using System.Net;
using CdrSdk.Emulator;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using static CdrSdk.Tests.Infrastructure.Collect;

namespace CdrSdk.Tests.Tsg;

/// <summary>TSG Global cdrRecords against the emulator: record types, paging, GraphQL errors, query rules (login and exports: <see cref="TsgLoginAndExportTests"/>).</summary>
public sealed class TsgTests : TsgEmulatorTests
{
    private static decimal Dec(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Sms_records_are_parsed_with_every_field()
    {
        await using var client = TestClients.Tsg(Emulator);

        var records = await All(client.Tsg.Cdrs.ListAsync(Day(TsgCdrType.Sms) with { Limit = 500 }, Ct));

        var expected = Emulator.TsgData.Records("SMS", Start, Start.AddDays(1)).ToList();
        Assert.Equal(expected.Count, records.Count);
        foreach (var (record, source) in records.Cast<TsgMessageCdr>().Zip(expected))
        {
            Assert.Equal("MessageCdr", record.Typename);
            Assert.Equal(source.Datetime, record.Datetime);
            Assert.Equal(TimeSpan.Zero, record.Datetime!.Value.Offset);
            Assert.Equal(source.Fields["fromNumber"], record.FromNumber);
            Assert.Equal(source.Fields["toNumber"], record.ToNumber);
            Assert.Equal(source.Fields["direction"], record.Direction);
            Assert.Equal(source.Fields["status"], record.Status);
            Assert.Equal(Dec(source.Fields["charge"]), record.Charge);
            Assert.Equal("SMS", record.Type);
        }
    }

    [Fact]
    public async Task Voice_and_api_records_are_parsed_with_every_field()
    {
        await using var client = TestClients.Tsg(Emulator);

        var voice = await All(client.Tsg.Cdrs.ListAsync(Day(TsgCdrType.Voice) with { End = Start.AddHours(6) }, Ct));
        var api = await All(client.Tsg.Cdrs.ListAsync(Day(TsgCdrType.Api) with { End = Start.AddHours(6) }, Ct));

        var v = Assert.IsType<TsgVoiceCdr>(voice[3]);
        var source = Emulator.TsgData.Records("VOICE", Start, Start.AddHours(6)).ElementAt(3).Fields;
        Assert.Equal(source["callId"], v.CallId);
        Assert.Equal(source["sourceAni"], v.SourceAni);
        Assert.Equal(source["destinationNumber"], v.DestinationNumber);
        Assert.Equal(source["didUsed"], v.DidUsed);
        Assert.Equal(Dec(source["sessionTime"]), v.SessionTime);
        Assert.Equal(source["status"], v.Status);
        Assert.Equal(Dec(source["calledRate"]), v.CalledRate);
        Assert.Equal(Dec(source["charge"]), v.Charge);
        Assert.Equal(source["callType"], v.CallType);
        Assert.Equal(source["aniIi"], v.AniIi);
        var a = Assert.IsType<TsgApiCdr>(api[0]);
        var apiSource = Emulator.TsgData.Records("API", Start, Start.AddHours(6)).First().Fields;
        Assert.Equal(apiSource["from"], a.From);
        Assert.Equal(apiSource["destination"], a.Destination);
        Assert.Equal(apiSource["status"], a.Status);
        Assert.Equal(0.0010m, a.Charge);
        Assert.Equal(apiSource["type"], a.Type);
        Assert.Equal(Emulator.TsgData.Records("API", Start, Start.AddHours(6)).Count(), api.Count);
    }

    [Fact]
    public async Task Paging_follows_next_cursor_with_exact_counts_and_resumes_from_a_token()
    {
        await using var client = TestClients.Tsg(Emulator);
        var query = Day(TsgCdrType.Sms) with { CompanyId = "102" };

        var pages = await All(client.Tsg.Cdrs.ListAsync(query, Ct).AsPages(pageSizeHint: 37));

        var expected = Emulator.TsgData.Records("SMS", Start, Start.AddDays(1)).Where(r => r.CompanyId == "102").Select(r => r.Fields["datetime"]).ToList();
        var got = pages.SelectMany(p => p.Values).Select(r => r.Datetime!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expected, got);
        Assert.Equal((expected.Count + 36) / 37, pages.Count);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(37, p.Values.Count));
        Assert.Null(pages[^1].ContinuationToken);

        var rest = await All(client.Tsg.Cdrs.ListAsync(query, Ct).AsPages(pages[2].ContinuationToken));
        Assert.Equal(got.Skip(3 * 37), rest.SelectMany(p => p.Values).Select(r => r.Datetime!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task GraphQL_errors_with_http_200_become_api_exceptions_with_messages_paths_and_codes()
    {
        await using var client = TestClients.Tsg(Emulator);

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => All(client.Tsg.Cdrs.ListAsync(Day(new TsgCdrType("FAX")), Ct)));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        var error = Assert.Single(ex.Errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Equal("cdrRecords", error.Source);
        Assert.Contains("Argument 'type' has an invalid value (FAX)", error.Title, StringComparison.Ordinal);
        Assert.Contains("GraphQL errors", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.IsResumable);
    }

    [Fact]
    public async Task Partial_data_next_to_graphql_errors_is_not_yielded()
    {
        await using var client = TestClients.Tsg(Emulator);
        Emulator.Faults.Add(new FaultRule
        {
            Method = "POST",
            PathPrefix = "/graphql",
            StatusCode = 200,
            Body = """
                {"data":{"cdrRecords":{"paginationInfo":{"nextCursor":null},"cdrs":[{"__typename":"MessageCdr","status":"SENT"}]}},
                 "errors":[{"message":"Charge service unavailable","path":["cdrRecords","cdrs",0,"charge"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},
                           {"message":"Second problem"}]}
                """,
        });
        var yielded = new List<TsgCdr>();

        var ex = await Assert.ThrowsAsync<CdrApiException>(async () =>
        {
            await foreach (var record in client.Tsg.Cdrs.ListAsync(Day(TsgCdrType.Sms), Ct))
            {
                yielded.Add(record);
            }
        });

        Assert.Empty(yielded);
        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal(("INTERNAL_SERVER_ERROR", "cdrRecords.cdrs.0.charge", "Charge service unavailable"), (ex.Errors[0].Code, ex.Errors[0].Source, ex.Errors[0].Title));
        Assert.Equal("Second problem", ex.Errors[1].Title);
        Assert.Contains("Charge service unavailable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_union_members_and_numbers_as_strings_are_accepted()
    {
        await using var client = TestClients.Tsg(Emulator);
        Emulator.Faults.Add(new FaultRule
        {
            Method = "POST",
            PathPrefix = "/graphql",
            StatusCode = 200,
            Body = """
                {"data":{"cdrRecords":{"exportLink":null,"paginationInfo":{"nextCursor":null,"limit":"100"},"cdrs":[
                  {"__typename":"FaxCdr","datetime":"2024-11-01T10:00:00","pages":3},
                  {"datetime":"2024-11-01T10:00:01","sessionTime":"61.5","__typename":"VoiceCdr","charge":0.12,"calledRate":"0.0100","aniIi":0}
                ]}}}
                """,
        });

        var records = await All(client.Tsg.Cdrs.ListAsync(Day(TsgCdrType.Voice), Ct));

        var fax = Assert.IsType<TsgUnknownCdr>(records[0]);
        Assert.Equal("FaxCdr", fax.Typename);
        Assert.Equal(3, fax.AdditionalProperties!["pages"].GetInt32());
        Assert.Equal(new DateTimeOffset(2024, 11, 1, 10, 0, 0, TimeSpan.Zero), fax.Datetime);
        var voice = Assert.IsType<TsgVoiceCdr>(records[1]);
        Assert.Equal(61.5m, voice.SessionTime);
        Assert.Equal(0.12m, voice.Charge);
        Assert.Equal(0.0100m, voice.CalledRate);
        Assert.Equal("0", voice.AniIi);
    }

    [Fact]
    public async Task The_document_has_every_fragment_and_typename_and_variables_are_upper_case()
    {
        Assert.Contains("__typename", TsgQueryDocument.For(null), StringComparison.Ordinal);
        Assert.Contains("... on MessageCdr { datetime fromNumber toNumber direction status charge type }", TsgQueryDocument.For(null), StringComparison.Ordinal);
        Assert.Contains("... on VoiceCdr { datetime callId sourceAni destinationNumber didUsed sessionTime status calledRate charge callType aniIi }", TsgQueryDocument.For(null), StringComparison.Ordinal);
        Assert.Contains("... on ApiCdr { datetime from destination status charge type }", TsgQueryDocument.For(null), StringComparison.Ordinal);
        Assert.Same(TsgQueryDocument.For(null), TsgQueryDocument.For(TsgFieldSelection.All));

        var small = TsgQueryDocument.For(new TsgFieldSelection { Message = TsgMessageCdrFields.Datetime | TsgMessageCdrFields.Charge, Voice = TsgVoiceCdrFields.None, Api = TsgApiCdrFields.None });
        Assert.Contains("... on MessageCdr { datetime charge }", small, StringComparison.Ordinal);
        Assert.DoesNotContain("VoiceCdr", small, StringComparison.Ordinal);
        Assert.True(small.Length < TsgQueryDocument.For(null).Length);

        await using var client = TestClients.Tsg(Emulator);
        var records = await All(client.Tsg.Cdrs.ListAsync(Day(new TsgCdrType("sms")) with { End = Start.AddHours(1), Fields = new TsgFieldSelection { Message = TsgMessageCdrFields.Datetime | TsgMessageCdrFields.Charge } }, Ct));
        var message = Assert.IsType<TsgMessageCdr>(records[0]);
        Assert.NotNull(message.Charge);
        Assert.Null(message.FromNumber);
    }

    public static TheoryData<string, TsgCdrQuery, string, string> Invalid => new()
    {
        { "end in the future", new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Now.AddHours(-1), End = Now.AddMinutes(1) }, "End", "must not be after now" },
        { "start after end", new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Now.AddHours(-1), End = Now.AddHours(-2) }, "Start", "must be before End" },
        { "no start", new TsgCdrQuery { Type = TsgCdrType.Sms, Start = default, End = Now }, "Start", "is required" },
        { "no type", new TsgCdrQuery { Type = default, Start = Now.AddHours(-1), End = Now }, "Type", "is required" },
        { "limit zero", new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Now.AddHours(-1), End = Now, Limit = 0 }, "Limit", "between 1 and 1000" },
        { "limit too big", new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Now.AddHours(-1), End = Now, Limit = 1001 }, "Limit", "between 1 and 1000" },
        { "blank company", new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Now.AddHours(-1), End = Now, CompanyId = " " }, "CompanyId", "is empty" },
        { "no fields", new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Now.AddHours(-1), End = Now, Fields = new TsgFieldSelection { Message = TsgMessageCdrFields.None, Voice = TsgVoiceCdrFields.None, Api = TsgApiCdrFields.None } }, "Fields", "selects no field" },
    };

    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Queries_breaking_a_rule_are_rejected_before_any_request(string because, TsgCdrQuery query, string property, string message)
    {
        await using var client = TestClients.Tsg(Emulator, timeProvider: new ManualTimeProvider(Now));

        var ex = Assert.Throws<CdrValidationException>(() => client.Tsg.Cdrs.ListAsync(query, Ct));
        await Assert.ThrowsAsync<CdrValidationException>(() => client.Tsg.Cdrs.ExportCsvAsync(query, Ct));
        await Assert.ThrowsAsync<CdrValidationException>(() => client.Tsg.Cdrs.GetExportLinkAsync(query, Ct));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(property, error.PropertyName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(Emulator.Requests.Snapshot());
        _ = because;
    }

    [Fact]
    public void Slices_cover_the_window_exactly()
    {
        var from = new DateTimeOffset(2024, 11, 1, 6, 0, 0, TimeSpan.Zero);

        var slices = TsgCdrs.Slices(from, from.AddDays(2).AddHours(3), TimeSpan.FromDays(1));

        Assert.Equal([(from, from.AddDays(1)), (from.AddDays(1), from.AddDays(2)), (from.AddDays(2), from.AddDays(2).AddHours(3))], slices);
    }
}
