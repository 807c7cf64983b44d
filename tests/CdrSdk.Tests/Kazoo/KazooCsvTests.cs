using System.Text;
using System.Text.Json;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Kazoo;

/// <summary>
/// Kazoo's CSV as 4.3 really writes it (values joined with commas, never quoted, so <c>rfc_1036</c> always puts one
/// more cell in a line): the raw export is passed through untouched, and the typed rows are aligned with the header.
/// </summary>
public sealed class KazooCsvTests : IAsyncLifetime
{
    private const string Header43 =
        "id,call_id,caller_id_number,caller_id_name,callee_id_number,callee_id_name,duration_seconds,billing_seconds,timestamp,hangup_cause,"
        + "disposition,other_leg_call_id,owner_id,to,from,direction,request,authorizing_id,cost,dialed_number,calling_from,datetime,"
        + "unix_timestamp,rfc_1036,iso_8601,iso_8601_combined,call_type,rate,rate_name,bridge_id,recording_url,media_recordings,media_server,"
        + "call_priority,interaction_id";

    private static readonly string Account = KazooDataSet.AccountIds[0];
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Typed_rows_of_the_unquoted_4_3_csv_equal_the_json_listing_field_by_field()
    {
        await using var client = TestClients.Kazoo(_emulator);
        var query = new KazooCdrQuery { From = TestTime.UtcDay(-2).AddHours(8), To = TestTime.UtcDay(-2).AddHours(11), Ascending = true };
        var documents = await RawJsonListingAsync(query);
        var header = (await RawCsvAsync(query)).Split("\r\n")[0].Split(',');

        var rows = await client.Kazoo.Cdrs.ReadCsvAsync(Account, query, Ct).ToListAsync(Ct);
        var summaries = await client.Kazoo.Cdrs.ListAsync(Account, query, Ct).ToListAsync(Ct);

        Assert.True(rows.Count > 50, $"only {rows.Count} rows");
        Assert.Equal(documents.Count, rows.Count);
        Assert.Equal(summaries.Count, rows.Count);
        foreach (var (document, row) in documents.Zip(rows))
        {
            Assert.Equal(header, row.Columns);
            Assert.Equal(header.Length, row.FieldCount);
            foreach (var column in header)
            {
                var property = document.GetProperty(column);
                var expected = property.ValueKind == JsonValueKind.String ? property.GetString() : property.GetRawText();
                Assert.Equal(expected, row[column]);
            }
        }

        foreach (var (summary, row) in summaries.Zip(rows))
        {
            Assert.Equal(
                (N(summary.Id), N(summary.CallId), N(summary.CallerIdNumber), N(summary.CallerIdName), N(summary.CalleeIdNumber), N(summary.CalleeIdName)),
                (row.Id, row.CallId, row.CallerIdNumber, row.CallerIdName, row.CalleeIdNumber, row.CalleeIdName));
            Assert.Equal((summary.DurationSeconds, summary.BillingSeconds, summary.TimestampGregorianSeconds, summary.Timestamp), (row.DurationSeconds, row.BillingSeconds, row.TimestampGregorianSeconds, row.Timestamp));
            Assert.Equal((N(summary.HangupCause), N(summary.Disposition), N(summary.OtherLegCallId), N(summary.OwnerId)), (row.HangupCause, row.Disposition, row.OtherLegCallId, row.OwnerId));
            Assert.Equal((N(summary.To), N(summary.From), N(summary.Direction), N(summary.Request), N(summary.AuthorizingId)), (row.To, row.From, row.Direction, row.Request, row.AuthorizingId));
            Assert.Equal((summary.CostUnits, summary.Cost, N(summary.DialedNumber), N(summary.CallingFrom)), (row.CostUnits, row.Cost, row.DialedNumber, row.CallingFrom));
            Assert.Equal((N(summary.Datetime), summary.UnixTimestamp, N(summary.Rfc1036), N(summary.Iso8601), N(summary.Iso8601Combined)), (row.Datetime, row.UnixTimestamp, row.Rfc1036, row.Iso8601, row.Iso8601Combined));
            Assert.Equal((N(summary.CallType), summary.Rate, N(summary.RateName), N(summary.BridgeId)), (row.CallType, row.Rate, row.RateName, row.BridgeId));
            Assert.Equal((N(summary.RecordingUrl), N(summary.MediaRecordings), N(summary.MediaServer), N(summary.CallPriority), N(summary.InteractionId)), (row.RecordingUrl, row.MediaRecordings, row.MediaServer, row.CallPriority, row.InteractionId));
            Assert.Contains(", ", row.Rfc1036, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_emulator_serves_the_real_4_3_form_and_the_raw_export_is_byte_for_byte_what_it_sent()
    {
        await using var client = TestClients.Kazoo(_emulator);
        var query = new KazooCdrQuery { From = TestTime.UtcDay(-3).AddHours(14), To = TestTime.UtcDay(-3).AddHours(16), Ascending = true };
        var sent = await RawCsvAsync(query);

        byte[] exported;
        await using (var stream = await client.Kazoo.Cdrs.ExportCsvAsync(Account, query, Ct))
        using (var copy = new MemoryStream())
        {
            await stream.CopyToAsync(copy, Ct);
            exported = copy.ToArray();
        }

        Assert.Equal(Encoding.UTF8.GetBytes(sent), exported);
        var lines = sent.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header43, lines[0]);
        Assert.True(lines.Length > 20);
        Assert.DoesNotContain('"', sent);
        Assert.All(lines.Skip(1), l => Assert.Equal(lines[0].Split(',').Length + 1, l.Split(',').Length));
    }

    [Fact]
    public async Task A_4_3_line_is_aligned_with_and_without_disposition_and_with_unix_timestamp_micro()
    {
        var v43 = await ReadAsync(Header43 + "\r\n" + Line43("Smith, John") + "\r\n");
        var newer = Header43.Replace("disposition,", "", StringComparison.Ordinal).Replace("unix_timestamp,", "unix_timestamp,unix_timestamp_micro,", StringComparison.Ordinal);
        var newerLine = Line43("Ann") .Replace(",SEND_BYE,", ",", StringComparison.Ordinal).Replace(",1795726557,", ",1795726557,1795726557.25,", StringComparison.Ordinal);
        var vNewer = await ReadAsync(newer + "\r\n" + newerLine + "\r\n");

        var row = Assert.Single(v43);
        Assert.Equal("202611-c1l0-0a1b2c3d", row.Id);
        Assert.Equal("Smith, John", row.CallerIdName);
        Assert.Equal("+15551230000", row.CalleeIdNumber);
        Assert.Equal("SEND_BYE", row.Disposition);
        Assert.Equal("Fri, 20 Nov 2026 21:05:57 GMT", row.Rfc1036);
        Assert.Equal("2026-11-20", row.Iso8601);
        Assert.Equal("2026-11-20T21:05:57Z", row.Iso8601Combined);
        Assert.Equal(0.012m, row.Rate);
        Assert.Equal("US-0.012", row.RateName);
        Assert.Equal("0123456789abcdef0123456789abcdef", row.InteractionId);
        var other = Assert.Single(vNewer);
        Assert.Null(other.Disposition);
        Assert.Equal(1795726557.25m, other.UnixTimestampMicro);
        Assert.Equal("Fri, 20 Nov 2026 21:05:57 GMT", other.Rfc1036);
        Assert.Equal("0123456789abcdef0123456789abcdef", other.InteractionId);
        Assert.Equal("Ann", other.CallerIdName);
    }

    [Fact]
    public async Task A_line_that_fits_several_arrangements_is_an_error_naming_it_never_a_shifted_row()
    {
        // "Smith,John" (no space) could be the caller's name, or "Smith" plus a callee number "John" with the callee's
        // number and name then sharing one cell: two arrangements, so the line is refused.
        var text = Header43 + "\r\n" + Line43("Ann") + "\r\n" + Line43("Smith,John") + "\r\n";

        var rows = new List<KazooCdrCsvRow>();
        var ex = await Assert.ThrowsAsync<CdrTransportException>(async () =>
        {
            await foreach (var row in KazooCdrs.ReadRowsAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), Ct))
            {
                rows.Add(row);
            }
        });

        Assert.Equal("Ann", Assert.Single(rows).CallerIdName);
        Assert.StartsWith("Kazoo CSV line 3 (id '202611-c1l0-0a1b2c3d') cannot be read: its 37 cells for 35 columns fit more than one arrangement", ex.Message, StringComparison.Ordinal);
        Assert.Contains("caller_id_name, callee_id_name", ex.Message, StringComparison.Ordinal);
        Assert.Equal(CdrTransportFailure.InvalidResponse, ex.Failure);
        Assert.Equal(CdrProvider.Kazoo, ex.Provider);
    }

    [Theory]
    [InlineData("two cells too few", "Ann", ",NORMAL_CLEARING,SEND_BYE,", ",", "it has 34 cells for the 35 columns of the header")]
    [InlineData("half an rfc_1036 value, and a comma elsewhere", "Smith, John", "Fri, 20 Nov 2026 21:05:57 GMT,", "Fri,", "its 36 cells for 35 columns fit no arrangement")]
    [InlineData("an rfc_1036 value without its comma, and a comma elsewhere", "Smith, John", "Fri, 20", "Fri 20", "its 36 cells for 35 columns fit no arrangement")]
    public async Task A_line_that_fits_no_arrangement_is_an_error_naming_it(string because, string callerName, string replace, string with, string expected)
    {
        var line = Line43(callerName).Replace(replace, with, StringComparison.Ordinal);
        var text = Header43 + "\r\n" + Line43("Ann") + "\r\n" + line + "\r\n";

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => ReadAsync(text));

        Assert.StartsWith("Kazoo CSV line 3 (id '202611-c1l0-0a1b2c3d') cannot be read: " + expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("ListAsync", ex.Message, StringComparison.Ordinal);
        _ = because;
    }

    [Fact]
    public async Task Quoted_lines_with_as_many_cells_as_columns_are_read_as_they_are()
    {
        var line = Line43("Ann").Replace("Fri, 20 Nov 2026 21:05:57 GMT", "\"Fri, 20 Nov 2026 21:05:57 GMT\"", StringComparison.Ordinal);

        var row = Assert.Single(await ReadAsync(Header43 + "\n" + line + "\n\n"));

        Assert.Equal("Fri, 20 Nov 2026 21:05:57 GMT", row.Rfc1036);
        Assert.Equal(60, row.DurationSeconds);
    }

    /// <summary>CSV cannot tell an empty value from a missing one: both read as null.</summary>
    private static string? N(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>A 4.3 line (35 values, unquoted) for the given caller name.</summary>
    private static string Line43(string callerName) => string.Join(',',
        "202611-c1l0-0a1b2c3d", "c1l0-0a1b2c3d", "+15559870000", callerName, "+15551230000", "Callee 0000", "60", "55", "63914564697",
        "NORMAL_CLEARING", "SEND_BYE", "c1l1-0a1b2c3d", "fedcba9876543210fedcba9876543210", "+15551230000@realm.test", "+15559870000@realm.test",
        "inbound", "+15551230000@realm.test", "fedcba9876543210fedcba9876543210", "120", "+15551230000", "+15559870000", "2026-11-20 21:05:57",
        "1795726557", "Fri, 20 Nov 2026 21:05:57 GMT", "2026-11-20", "2026-11-20T21:05:57Z", "per_minute", "0.012", "US-0.012",
        "b-1", "", "", "fs1.emulator", "", "0123456789abcdef0123456789abcdef");

    private static async Task<List<KazooCdrCsvRow>> ReadAsync(string text) =>
        await KazooCdrs.ReadRowsAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), Ct).ToListAsync(Ct);

    private async Task<string> RawCsvAsync(KazooCdrQuery query)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, RawUri(query));
        request.Headers.Add("X-Auth-Token", _emulator.Options.KazooStaticToken);
        request.Headers.Add("Accept", "text/csv");
        using var response = await http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private async Task<List<JsonElement>> RawJsonListingAsync(KazooCdrQuery query)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, RawUri(query) + "&paginate=false");
        request.Headers.Add("X-Auth-Token", _emulator.Options.KazooStaticToken);
        using var response = await http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("data").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private string RawUri(KazooCdrQuery query) =>
        $"{_emulator.KazooBaseAddress}/accounts/{Account}/cdrs?created_from={KazooDataSet.Gregorian(query.From!.Value)}&created_to={KazooDataSet.Gregorian(query.To!.Value) - 1}&ascending=true";
}
