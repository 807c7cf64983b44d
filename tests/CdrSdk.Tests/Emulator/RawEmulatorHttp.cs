using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CdrSdk.Emulator;

namespace CdrSdk.Tests.Emulator;

/// <summary>
/// Plain HTTP against the emulator, bypassing the SDK: the tests that pin the exact bytes the emulator serves
/// read them through this, so nothing the SDK does (parsing, retries) stands between the test and the wire.
/// </summary>
internal sealed class RawEmulatorHttp : IDisposable
{
    public const string TsgDocument = "query($type: CdrType!, $startDatetime: DateTime!, $endDatetime: DateTime!, $cursor: String, $limit: Int) { cdrRecords(type: $type, startDatetime: $startDatetime, endDatetime: $endDatetime, cursor: $cursor, limit: $limit) { exportLink paginationInfo { nextCursor limit } cdrs { __typename ... on MessageCdr { datetime fromNumber toNumber direction status charge type } ... on VoiceCdr { datetime callId sourceAni destinationNumber didUsed sessionTime status calledRate charge callType aniIi } ... on ApiCdr { datetime from destination status charge type } } } }";

    private readonly CdrEmulator _emulator;
    private readonly HttpClient _http = new();

    public RawEmulatorHttp(CdrEmulator emulator)
    {
        _emulator = emulator;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    /// <summary>Creates a Telnyx v1 report of every call or record type and downloads its CSV.</summary>
    public async Task<string> TelnyxReportCsvAsync(bool mdr, DateTimeOffset from, DateTimeOffset to)
    {
        var body = new JsonObject
        {
            ["start_time"] = from.ToString("O"),
            ["end_time"] = to.ToString("O"),
            ["call_types"] = new JsonArray(1, 2),
            ["record_types"] = new JsonArray(1, 2, 3),
        };
        var path = mdr ? "reporting/mdr_requests" : "reporting/cdr_requests";
        using var create = Telnyx(HttpMethod.Post, path);
        create.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var created = await _http.SendAsync(create, Ct);
        created.EnsureSuccessStatusCode();
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!["id"]!.ToString();
        using var get = Telnyx(HttpMethod.Get, path + "/" + id);
        using var report = await _http.SendAsync(get, Ct);
        var url = JsonNode.Parse(await report.Content.ReadAsStringAsync(Ct))!["report_url"]?.ToString()
            ?? throw new InvalidOperationException("The report is not complete: start the emulator with ReportCompletionDelay = 0.");
        return await _http.GetStringAsync(url, Ct);
    }

    /// <summary>Every Voiso page of the range (following <c>next_cursor</c>), each body as received.</summary>
    public async Task<List<string>> VoisoPagesAsync(DateTimeOffset from, DateTimeOffset to, int limit)
    {
        var pages = new List<string>();
        string? cursor = null;
        do
        {
            var uri = new Uri(_emulator.VoisoBaseAddress, $"api/v4/reporting/cdrs?started_at[gte]={Uri.EscapeDataString(from.ToString("O"))}&started_at[lt]={Uri.EscapeDataString(to.ToString("O"))}&limit={limit}"
                + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _emulator.Options.VoisoApiKey);
            using var response = await _http.SendAsync(request, Ct);
            response.EnsureSuccessStatusCode();
            var text = await response.Content.ReadAsStringAsync(Ct);
            pages.Add(text);
            cursor = JsonNode.Parse(text)!["metadata"]!["next_cursor"]?.ToString();
        }
        while (cursor is not null);
        return pages;
    }

    /// <summary>Every TSG page of one type (following <c>nextCursor</c>), each body as received.</summary>
    public async Task<List<string>> TsgPagesAsync(string type, DateTimeOffset from, DateTimeOffset to, int limit)
    {
        var pages = new List<string>();
        string? cursor = null;
        do
        {
            var body = new JsonObject
            {
                ["query"] = TsgDocument,
                ["variables"] = new JsonObject { ["type"] = type, ["startDatetime"] = from.ToString("O"), ["endDatetime"] = to.ToString("O"), ["cursor"] = cursor, ["limit"] = limit },
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_emulator.TsgBaseAddress, "graphql"))
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _emulator.Options.TsgStaticToken);
            using var response = await _http.SendAsync(request, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            pages.Add(text);
            cursor = JsonNode.Parse(text)!["data"]!["cdrRecords"]!["paginationInfo"]!["nextCursor"]?.ToString();
        }
        while (cursor is not null);
        return pages;
    }

    /// <summary>The CSV behind the <c>exportLink</c> of a TSG page.</summary>
    public Task<string> TsgExportAsync(string page) =>
        _http.GetStringAsync(JsonNode.Parse(page)!["data"]!["cdrRecords"]!["exportLink"]!.ToString(), Ct);

    /// <summary>A Kazoo GET (JSON, or CSV with <paramref name="csv"/>), the body as received.</summary>
    public async Task<string> KazooAsync(string pathAndQuery, bool csv = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_emulator.KazooBaseAddress + "/" + pathAndQuery));
        request.Headers.Add("X-Auth-Token", _emulator.Options.KazooStaticToken);
        if (csv)
        {
            request.Headers.Accept.ParseAdd("text/csv");
        }

        using var response = await _http.SendAsync(request, Ct);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>A Kazoo body without what differs on every response (request id, envelope timestamp).</summary>
    public static string WithoutEnvelopeNoise(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"(request_id|timestamp)\":\\s*\"[0-9a-f]{32}\"|\"timestamp\":\\s*\"\\d{4}-\\d\\d-\\d\\dT[^\"]*\"", "\"noise\":\"\"", System.Text.RegularExpressions.RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));

    private HttpRequestMessage Telnyx(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(_emulator.TelnyxV1BaseAddress, path));
        request.Headers.Add("x-api-user", _emulator.Options.TelnyxApiUser);
        request.Headers.Add("x-api-token", _emulator.Options.TelnyxApiKey);
        return request;
    }
}
