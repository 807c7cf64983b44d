using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CdrSdk.Emulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CdrSdk.Emulator.Telnyx;

/// <summary>
/// The Telnyx reporting API, v1 (<c>/reporting/cdr_requests</c>, <c>/reporting/mdr_requests</c>) and v2
/// (<c>/v2/legacy/reporting/batch_detail_records/voice|messaging</c>), with Telnyx's authentication, error bodies,
/// paging, and reports that complete after a delay and download (without credentials) from a second origin.
/// </summary>
internal sealed class TelnyxEmulation
{
    private static readonly string[] FieldGroups = ["Billing", "Interaction Data", "Number Information", "Telephony Data"];
    private readonly ConcurrentDictionary<string, EmulatedReport> _reports = new(StringComparer.Ordinal);
    private readonly CdrEmulatorOptions _options;
    private readonly EmulatorDataSet _data;
    private readonly byte[] _signingKey;
    private readonly TelnyxReportJournal _journal;
    private Uri _downloadBase = new("http://127.0.0.1/");

    public TelnyxEmulation(CdrEmulatorOptions options, EmulatorDataSet data)
    {
        _options = options;
        _data = data;
        _journal = new TelnyxReportJournal(options.StateDirectory);
        _signingKey = EmulatorKeys.Derive(options, "telnyx-downloads");
    }

    /// <summary>How many report requests exist (all kinds and versions).</summary>
    public int ReportCount => _reports.Count;

    public void SetDownloadBase(Uri downloadBase) => _downloadBase = downloadBase;

    public void MapApi(IEndpointRouteBuilder app)
    {
        MapResource(app.MapGroup("/reporting/cdr_requests"), isMdr: false, version: 1);
        MapResource(app.MapGroup("/reporting/mdr_requests"), isMdr: true, version: 1);
        var voice = app.MapGroup("/v2/legacy/reporting/batch_detail_records/voice");
        voice.MapGet("/fields", () => Json(new JsonObject
        {
            [FieldGroups[0]] = new JsonArray("rate", "cost", "currency", "billed_sec"),
            [FieldGroups[1]] = new JsonArray("uuid", "start_time", "answer_time", "end_time", "direction", "status", "hangup_cause", "call_sec"),
            [FieldGroups[2]] = new JsonArray("cli", "cld"),
            [FieldGroups[3]] = new JsonArray("connection_id", "tags"),
        })).AddEndpointFilter(AuthFilter(2));
        MapResource(voice, isMdr: false, version: 2);
        MapResource(app.MapGroup("/v2/legacy/reporting/batch_detail_records/messaging"), isMdr: true, version: 2);
    }

    public void MapDownloads(IEndpointRouteBuilder app) =>
        app.MapGet("/telnyx/reports/{file}", async (HttpContext context, string file, string? token) =>
        {
            var id = file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? file[..^4] : file;
            if (!TryFind(id, out var report) || !report.IsComplete(Now))
            {
                return Results.NotFound();
            }

            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token ?? string.Empty), Encoding.ASCII.GetBytes(report.DownloadToken)))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            await RangeResponse.WriteAsync(context, "text/csv", "telnyx-" + report.Id, (body, ct) => TelnyxReportCsv.WriteAsync(report, _data, body, ct)).ConfigureAwait(false);
            return Results.Empty;
        });

    /// <summary>Makes a report end as failed (3) or expired (4), without a file.</summary>
    internal bool Force(string id, int status)
    {
        if (!TryFind(id, out var report))
        {
            return false;
        }

        report.ForcedStatus = status;
        return true;
    }

    /// <summary>The stored report with this id (tests use it to compute expectations).</summary>
    internal EmulatedReport? Find(string id) => TryFind(id, out var report) ? report : null;

    /// <summary>A report of this run, or one an earlier run saved in the state directory (rebuilt from its request).</summary>
    private bool TryFind(string id, [NotNullWhen(true)] out EmulatedReport? report)
    {
        if (_reports.TryGetValue(id, out report))
        {
            return true;
        }

        if (_journal.Load(id) is not { } saved)
        {
            return false;
        }

        var (rebuilt, _) = TelnyxRequestParser.Parse(saved.Body, saved.IsMdr, saved.Version, saved.CreatedAt, _options.ReportCompletionDelay, Sign, id);
        if (rebuilt is null)
        {
            return false;
        }

        report = _reports.GetOrAdd(id, rebuilt);
        return true;
    }

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    private void MapResource(RouteGroupBuilder group, bool isMdr, int version)
    {
        group.AddEndpointFilter(AuthFilter(version));
        group.MapPost("/", async (HttpContext context) =>
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException)
            {
                return Error(400, "10015", "Bad Request", "The request body is not valid JSON.", "/");
            }

            var (report, errors) = TelnyxRequestParser.Parse(body, isMdr, version, Now, _options.ReportCompletionDelay, Sign);
            if (report is null)
            {
                return Errors(400, errors.Select(e => ("10015", "Bad Request", e.Detail, (string?)e.Pointer)));
            }

            _reports[report.Id] = report;
            _journal.Save(report, body!);
            return Respond(Render(report), version);
        });
        group.MapGet("/", (HttpContext context) =>
        {
            var all = _reports.Values.Where(r => r.IsMdr == isMdr && r.ApiVersion == version).OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            var query = context.Request.Query;
            var page = ReadInt(query[version == 1 ? "page" : "page[number]"], 1);
            var size = ReadInt(query[version == 1 ? "per_page" : "page[size]"], 20);
            if (page < 1 || size < 1 || size > 250)
            {
                return Error(400, "10015", "Bad Request", "page must be at least 1 and page size between 1 and 250.", version == 1 ? "page" : "page[number]");
            }

            var items = new JsonArray(all.Skip((page - 1) * size).Take(size).Select(r => (JsonNode)Render(r)).ToArray());
            if (version == 1)
            {
                return Json(items);
            }

            return Json(new JsonObject
            {
                ["data"] = items,
                ["meta"] = new JsonObject
                {
                    ["page_number"] = page,
                    ["page_size"] = size,
                    ["total_pages"] = Math.Max(1, (all.Count + size - 1) / size),
                    ["total_results"] = all.Count,
                },
            });
        });
        group.MapGet("/{id}", (string id) =>
            TryFind(id, out var report) && report.IsMdr == isMdr && report.ApiVersion == version
                ? Respond(Render(report), version)
                : NotFound(id));
        group.MapDelete("/{id}", (string id) =>
        {
            if (TryFind(id, out var report) && report.IsMdr == isMdr && report.ApiVersion == version && _reports.TryRemove(id, out _))
            {
                _journal.Delete(id);
                return Respond(Render(report), version);
            }

            return NotFound(id);
        });
    }

    private Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> AuthFilter(int version) =>
        (context, next) =>
        {
            var headers = context.HttpContext.Request.Headers;
            var authorization = headers.Authorization.ToString();
            var ok = version == 2
                ? authorization == "Bearer " + _options.TelnyxApiKey
                : authorization == "Token " + _options.TelnyxApiKey
                  || (headers["x-api-user"] == _options.TelnyxApiUser && headers["x-api-token"] == _options.TelnyxApiKey);
            return ok
                ? next(context)
                : ValueTask.FromResult<object?>(Error(401, "10009", "Authentication failed", "The API key looks malformed. Check that you copied it correctly.", null));
        };

    private JsonObject Render(EmulatedReport report) => TelnyxReportRenderer.Render(report, Now, _downloadBase);

    private string Sign(string id) => Convert.ToHexString(HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes(id))).ToLowerInvariant();

    private static IResult Respond(JsonObject report, int version) =>
        Json(version == 1 ? report : new JsonObject { ["data"] = report });

    private static IResult NotFound(string id) =>
        Error(404, "10005", "Resource not found", $"The requested report '{id}' could not be found.", null);

    private static IResult Error(int status, string code, string title, string detail, string? pointer) =>
        Errors(status, [(code, title, detail, pointer)]);

    private static IResult Errors(int status, IEnumerable<(string Code, string Title, string Detail, string? Pointer)> errors)
    {
        var array = new JsonArray();
        foreach (var (code, title, detail, pointer) in errors)
        {
            var error = new JsonObject { ["code"] = code, ["title"] = title, ["detail"] = detail };
            if (pointer is not null)
            {
                error["source"] = new JsonObject { ["pointer"] = pointer };
            }

            array.Add(error);
        }

        return Results.Text(new JsonObject { ["errors"] = array }.ToJsonString(), "application/json", Encoding.UTF8, status);
    }

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json", Encoding.UTF8);

    private static int ReadInt(string? value, int fallback) =>
        string.IsNullOrEmpty(value) ? fallback : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
