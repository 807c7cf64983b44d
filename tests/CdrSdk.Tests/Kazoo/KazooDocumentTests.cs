using System.Globalization;
using System.Net;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Kazoo;

/// <summary>CDR details, CSV exports, validation before sending, and server errors.</summary>
public sealed class KazooDocumentTests : IAsyncLifetime
{
    private static readonly string Account = KazooDataSet.AccountIds[0];
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cdr_document_has_every_field_typed_even_when_numbers_come_as_strings()
    {
        await using var client = TestClients.Kazoo(_emulator);
        var leg = FirstLeg(l => l.IsFax);

        var cdr = await client.Kazoo.Cdrs.GetAsync(Account, leg.CdrId, Ct);

        Assert.Equal(leg.CdrId, cdr.Id);
        Assert.Equal(leg.CallId, cdr.CallId);
        Assert.Equal(leg.DurationSeconds, cdr.DurationSeconds);
        Assert.Equal(leg.BillingSeconds, cdr.BillingSeconds);
        Assert.Equal(leg.RingingSeconds, cdr.RingingSeconds);
        Assert.Equal(KazooDataSet.Instant(leg.Timestamp), cdr.Timestamp);
        Assert.Equal("inbound", cdr.CallDirection);
        Assert.Equal(leg.OwnerId, cdr.CustomChannelVars!["owner_id"]);
        Assert.Equal("false", cdr.CustomChannelVars["global_resource"]);
        Assert.Equal("{\"X-Trace\":\"t-" + leg.CallId + "\"}", cdr.CustomSipHeaders!["in"]);
        Assert.StartsWith("cust-", cdr.CustomSipHeaders["X-Customer-Id"], StringComparison.Ordinal);
        Assert.True(cdr.FaxSuccess);
        Assert.True(cdr.FaxEcmUsed);
        Assert.Equal(3, cdr.FaxTotalPages);
        Assert.Equal(14400, cdr.FaxTransferRate);
        Assert.Equal("0", cdr.FaxResultCode);
        Assert.Equal("OK", cdr.FaxResultText);
        Assert.Equal(leg.InteractionId, cdr.InteractionId);
        Assert.Equal(leg.InteractionTime, cdr.InteractionTime);
        Assert.Equal(leg.HangupCause == "NORMAL_CLEARING" ? "sip:200" : "sip:486", cdr.HangupCode);
        Assert.Equal(leg.HangupCause, cdr.HangupCause);
        Assert.Equal("cdr", cdr.AdditionalProperties!["pvt_type"].GetString());
    }

    [Fact]
    public async Task A_listing_summary_carries_its_legs_values_in_every_column()
    {
        await using var client = TestClients.Kazoo(_emulator);
        var rated = FirstLeg(l => l.Rate > 0 && l.OtherLegCallId is not null);
        var query = new KazooCdrQuery { From = KazooDataSet.Instant(rated.Timestamp), To = KazooDataSet.Instant(rated.Timestamp + 1), Ascending = true };

        KazooCdrSummary? summary = null;
        await foreach (var item in client.Kazoo.Cdrs.ListAsync(Account, query, Ct))
        {
            summary ??= item.Id == rated.CdrId ? item : null;
        }

        Assert.NotNull(summary);
        var at = KazooDataSet.Instant(rated.Timestamp);
        var realm = "@emulator.cdrsdk.test";
        IEnumerable<string?> expected =
            [rated.CallId, rated.CallerIdNumber, rated.CallerIdName, rated.CalleeIdNumber, rated.CalleeIdName, rated.HangupCause, "SEND_BYE", rated.OtherLegCallId,
             rated.OwnerId, rated.CalleeIdNumber + realm, rated.CallerIdNumber + realm, rated.CallDirection, rated.CalleeIdNumber + realm, rated.OwnerId,
             rated.CalleeIdNumber, rated.CallerIdNumber, at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
             at.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture), at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
             at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "per_minute", "US-" + rated.Rate.ToString(CultureInfo.InvariantCulture), rated.BridgeId,
             "", "", "fs1.emulator", "", rated.InteractionTime.ToString(CultureInfo.InvariantCulture) + "-" + rated.InteractionKey];
        IEnumerable<string?> actual =
            [
                summary.CallId, summary.CallerIdNumber, summary.CallerIdName, summary.CalleeIdNumber, summary.CalleeIdName, summary.HangupCause, summary.Disposition,
                summary.OtherLegCallId, summary.OwnerId, summary.To, summary.From, summary.Direction, summary.Request, summary.AuthorizingId, summary.DialedNumber,
                summary.CallingFrom, summary.Datetime, summary.Rfc1036, summary.Iso8601, summary.Iso8601Combined, summary.CallType, summary.RateName, summary.BridgeId,
                summary.RecordingUrl, summary.MediaRecordings, summary.MediaServer, summary.CallPriority, summary.InteractionId,
            ];
        Assert.Equal(expected, actual);
        Assert.Equal<long?>(
            [rated.DurationSeconds, rated.BillingSeconds, rated.Timestamp, rated.CostUnits, at.ToUnixTimeSeconds()],
            [summary.DurationSeconds, summary.BillingSeconds, summary.TimestampGregorianSeconds, summary.CostUnits, summary.UnixTimestamp]);
        Assert.Equal(rated.Rate, summary.Rate);
        Assert.True(rated.CostUnits > 0);
    }

    [Fact]
    public async Task An_unknown_cdr_is_a_404_with_the_kazoo_error()
    {
        await using var client = TestClients.Kazoo(_emulator);

        var ex = await Assert.ThrowsAsync<CdrApiException>(() => client.Kazoo.Cdrs.GetAsync(Account, "202401-c999999999l0-deadbeef", Ct));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("404", ex.ErrorCode);
        Assert.Equal("bad_identifier", ex.ErrorTitle);
        Assert.NotNull(ex.RequestId);
    }

    [Fact]
    public async Task The_csv_export_over_several_windows_has_one_header_and_the_same_records_as_the_json_listing()
    {
        await using var client = TestClients.Kazoo(_emulator, o => o.MaxRangePerRequest = TimeSpan.FromHours(8));
        var query = new KazooCdrQuery { From = TestTime.UtcDay(-2), To = TestTime.UtcDay(-1), Ascending = true };

        string text;
        await using (var stream = await client.Kazoo.Cdrs.ExportCsvAsync(Account, query, Ct))
        using (var reader = new StreamReader(stream))
        {
            text = await reader.ReadToEndAsync(Ct);
        }

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,call_id,caller_id_number", lines[0], StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("id,call_id", StringComparison.Ordinal));
        Assert.Equal(3, _emulator.Requests.Snapshot().Count);
        Assert.All(_emulator.Requests.Snapshot(), r => Assert.Equal("text/csv", r.Headers["accept"]));

        var json = new List<KazooCdrSummary>();
        await foreach (var summary in client.Kazoo.Cdrs.ListAsync(Account, query, Ct))
        {
            json.Add(summary);
        }

        var rows = new List<KazooCdrCsvRow>();
        await foreach (var row in client.Kazoo.Cdrs.ReadCsvAsync(Account, query, Ct))
        {
            rows.Add(row);
        }

        Assert.Equal(lines.Length - 1, rows.Count);
        Assert.Equal(json.Count, rows.Count);
        foreach (var (summary, row) in json.Zip(rows))
        {
            Assert.Equal(summary.Id, row.Id);
            Assert.Equal(summary.CallId, row.CallId);
            Assert.Equal(summary.DurationSeconds, row.DurationSeconds);
            Assert.Equal(summary.BillingSeconds, row.BillingSeconds);
            Assert.Equal(summary.Timestamp, row.Timestamp);
            Assert.Equal(summary.CostUnits, row.CostUnits);
            Assert.Equal(summary.Cost, row.Cost);
            Assert.Equal(summary.Rate, row.Rate);
            Assert.Equal(summary.OwnerId, row.OwnerId);
            Assert.Equal(summary.Direction, row.Direction);
            Assert.Equal(summary.InteractionId, row.InteractionId);
            Assert.Equal(summary.Iso8601, row["iso_8601"]);
            Assert.Equal(summary.Rfc1036, row["rfc_1036"]);
            Assert.Equal(summary.Disposition, row.Disposition);
        }
    }

    public static TheoryData<string, Func<IKazooClient, Task>, string> InvalidCalls => new()
    {
        { "short account id", c => c.Cdrs.GetAsync("1234", "202401-abc", Ct), "accountId" },
        { "account id with path", c => c.Cdrs.ListAsync("../../accounts", null, Ct).FirstAsync(Ct).AsTask(), "accountId" },
        { "cdr id without month", c => c.Cdrs.GetAsync(Account, "abc-def", Ct), "cdrId" },
        { "cdr id month 13", c => c.Cdrs.GetAsync(Account, "202413-abc", Ct), "cdrId" },
        { "interaction id", c => c.Interactions.GetLegsAsync(Account, "not-an-interaction", Ct), "interactionId" },
    };

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public async Task Ids_of_the_wrong_shape_are_rejected_before_any_request(string because, Func<IKazooClient, Task> call, string parameter)
    {
        await using var client = TestClients.Kazoo(_emulator);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => call(client.Kazoo));

        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains("expected", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Requests.Snapshot());
        _ = because;
    }

    public static TheoryData<string, KazooCdrQuery, string, string> InvalidQueries => new()
    {
        { "from after to", new KazooCdrQuery { From = TestTime.UtcDay(-1), To = TestTime.UtcDay(-2) }, "From", "must be before To" },
        { "from in the future", new KazooCdrQuery { From = TestTime.UtcDay(2) }, "From", "must be in the past" },
        { "page size zero", new KazooCdrQuery { PageSize = 0 }, "PageSize", "at least 1" },
        { "user id", new KazooCdrQuery { UserId = "bob" }, "UserId", "32 hexadecimal" },
        { "filter key", new KazooCdrQuery { Filters = new Dictionary<string, string> { ["bad key"] = "x" } }, "Filters", "has the key 'bad key'" },
        { "empty has_key", new KazooCdrQuery { HasKeys = [] }, "HasKeys", "is empty" },
        { "missing key", new KazooCdrQuery { MissingKeys = ["a&b"] }, "MissingKeys", "has the key 'a&b'" },
        { "utc offset", new KazooCdrQuery { UtcOffset = TimeSpan.FromHours(15) }, "UtcOffset", "between -14 h and +14 h" },
    };

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public async Task Queries_breaking_a_rule_are_rejected_before_any_request(string because, KazooCdrQuery query, string property, string message)
    {
        await using var client = TestClients.Kazoo(_emulator);

        var ex = Assert.Throws<CdrValidationException>(() => client.Kazoo.Cdrs.ListAsync(Account, query, Ct));
        var csv = await Assert.ThrowsAsync<CdrValidationException>(() => client.Kazoo.Cdrs.ExportCsvAsync(Account, query, Ct));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(property, error.PropertyName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(ex.Message, csv.Message);
        Assert.Empty(_emulator.Requests.Snapshot());
        _ = because;
    }

    [Fact]
    public async Task A_range_the_server_refuses_surfaces_its_date_range_error()
    {
        await using var client = TestClients.Kazoo(_emulator, o => o.MaxRangePerRequest = TimeSpan.FromDays(40));

        var ex = await Assert.ThrowsAsync<CdrApiException>(async () =>
        {
            await foreach (var unused in client.Kazoo.Cdrs.ListAsync(Account, new KazooCdrQuery { From = TestTime.UtcDay(-40), To = TestTime.UtcDay(0) }, Ct))
            {
            }
        });

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("invalid request", ex.ErrorTitle);
        Assert.Contains("created_to.date_range: created_to is more than 2682000 seconds from created_from", ex.ErrorDetail, StringComparison.Ordinal);
        Assert.True(ex.IsResumable);
        Assert.Null(ex.ContinuationToken);
    }

    private KazooLeg FirstLeg(Func<KazooLeg, bool> predicate) =>
        _emulator.KazooData.Legs(Account, null, KazooDataSet.Gregorian(TestTime.UtcDay(-3)), KazooDataSet.Gregorian(TestTime.UtcDay(-1)), true).First(predicate);
}
