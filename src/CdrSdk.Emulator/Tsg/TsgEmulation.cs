using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CdrSdk.Emulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CdrSdk.Emulator.Tsg;

/// <summary>
/// TSG Global: <c>POST /account/login</c> (tokens valid 7 days), <c>POST /graphql</c> answering the
/// <c>cdrRecords</c> query (variables honoured, the fragments' fields selected, <c>__typename</c>, opaque cursors,
/// GraphQL errors with HTTP 200, 401 without a token), and signed export links served from the download origin
/// that reject a tampered signature.
/// </summary>
internal sealed partial class TsgEmulation
{
    private static readonly Dictionary<string, string> FragmentOfType = new(StringComparer.Ordinal)
    {
        ["SMS"] = "MessageCdr",
        ["MMS"] = "MessageCdr",
        ["VOICE"] = "VoiceCdr",
        ["API"] = "ApiCdr",
    };

    private readonly CdrEmulatorOptions _options;
    private readonly TsgDataSet _data;
    private readonly IssuedTokens _tokens;
    private readonly byte[] _key;
    private Uri _downloadBase = new("http://127.0.0.1/");

    public TsgEmulation(CdrEmulatorOptions options, TsgDataSet data)
    {
        _options = options;
        _key = EmulatorKeys.Derive(options, "tsg-signatures");
        _data = data;
        _tokens = new IssuedTokens(options.TimeProvider, options.TsgTokenLifetime, options.TsgStaticToken, prefix: "tsg-");
    }

    public int Logins => _tokens.Logins;

    private DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    public void SetDownloadBase(Uri downloadBase) => _downloadBase = downloadBase;

    public void ExpireTokens() => _tokens.ExpireAll();

    public void MapApi(IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", (Func<HttpContext, Task<IResult>>)LoginAsync);
        app.MapPost("/graphql", (Func<HttpContext, Task<IResult>>)GraphQLAsync);
    }

    public void MapDownloads(IEndpointRouteBuilder app) => app.MapGet("/tsg/export", ExportAsync);

    private async Task<IResult> LoginAsync(HttpContext context)
    {
        var body = await ReadJsonAsync(context).ConfigureAwait(false);
        if (body?["email"]?.ToString() != _options.TsgEmail || body?["password"]?.ToString() != _options.TsgPassword)
        {
            return Unauthorized("Invalid email or password");
        }

        var token = _tokens.Issue();
        return Json(new JsonObject { ["token"] = token, ["user"] = new JsonObject { ["id"] = "u-1", ["email"] = _options.TsgEmail, ["admin"] = true } });
    }

    private async Task<IResult> GraphQLAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : string.Empty;
        if (!_tokens.IsValid(token))
        {
            return _options.TsgExpiredTokenAsGraphQLError && _tokens.IsExpired(token)
                ? GraphQLError("Unauthenticated: the token has expired.", "UNAUTHENTICATED")
                : Unauthorized("Unauthorized");
        }

        var body = await ReadJsonAsync(context).ConfigureAwait(false);
        var document = body?["query"]?.ToString() ?? string.Empty;
        if (!document.Contains("cdrRecords", StringComparison.Ordinal))
        {
            return GraphQLError("Cannot query: only the cdrRecords query is emulated.", "GRAPHQL_VALIDATION_FAILED");
        }

        var variables = body?["variables"] as JsonObject ?? [];
        var (parsed, error) = ParseVariables(variables);
        if (parsed is not { } args)
        {
            return GraphQLError(error, "BAD_USER_INPUT");
        }

        var fragments = ParseFragments(document);
        var fingerprint = Fingerprint(args);
        long? after = null;
        if (args.Cursor is not null)
        {
            if (Unsign(args.Cursor, fingerprint) is not { } last)
            {
                return GraphQLError("Argument 'cursor' has an invalid value.", "BAD_USER_INPUT");
            }

            after = last;
        }

        // One instant for the whole page: its records, its cursor and its export link agree.
        var now = Now;
        var records = _data.Records(args.Type, args.Start, args.End, after, now).Where(r => args.Company is null || r.CompanyId == args.Company);

        var page = records.Take(args.Limit + 1).ToList();
        var more = page.Count > args.Limit;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        var result = new JsonObject();
        if (document.Contains("exportLink", StringComparison.Ordinal))
        {
            result["exportLink"] = ExportLink(args, fragments, now).AbsoluteUri;
        }

        result["paginationInfo"] = new JsonObject
        {
            ["nextCursor"] = more ? Sign(page[^1].Index.ToString(CultureInfo.InvariantCulture), fingerprint) : null,
            ["limit"] = args.Limit,
        };
        result["cdrs"] = new JsonArray(page.Select(r => (JsonNode)Render(r, fragments, document.Contains("__typename", StringComparison.Ordinal))).ToArray());
        return Json(new JsonObject { ["data"] = new JsonObject { ["cdrRecords"] = result } });
    }

    private async Task<IResult> ExportAsync(HttpContext context, string? q, string? sig)
    {
        if (q is null || sig is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hmac(q)), Encoding.ASCII.GetBytes(sig)))
        {
            return Results.Text("{\"errors\":[{\"message\":\"invalid signature\"}]}", "application/json", Encoding.UTF8, 403);
        }

        var spec = JsonNode.Parse(Base64Url.Decode(q))!.AsObject();
        var type = spec["type"]!.ToString();
        var fields = spec["fields"]!.AsArray().Select(f => f!.ToString()).ToArray();
        var start = DateTimeOffset.Parse(spec["start"]!.ToString(), CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(spec["end"]!.ToString(), CultureInfo.InvariantCulture);
        var company = spec["company"]?.ToString();

        // A live export is the records as they were when the link was made, so a resumed download gets the same bytes.
        var at = spec["at"] is { } made ? DateTimeOffset.Parse(made.ToString(), CultureInfo.InvariantCulture) : Now;
        var rows = _data.Records(type, start, end, afterIndex: null, at).Where(r => company is null || r.CompanyId == company);
        await RangeResponse.WriteAsync(context, "text/csv", "tsg-" + sig, async (stream, _) =>
        {
            var writer = new StreamWriter(stream, new UTF8Encoding(false), 32 * 1024, leaveOpen: true) { NewLine = "\n" };
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteLineAsync(string.Join(',', fields)).ConfigureAwait(false);
                foreach (var record in rows)
                {
                    await writer.WriteLineAsync(string.Join(',', fields.Select(f => record.Fields.GetValueOrDefault(f, string.Empty)))).ConfigureAwait(false);
                }
            }
        }).ConfigureAwait(false);
        return Results.Empty;
    }

    private ((string Type, DateTimeOffset Start, DateTimeOffset End, string? Company, int Limit, string? Cursor)? Args, string Error) ParseVariables(JsonObject variables)
    {
        var type = variables["type"]?.ToString();
        if (type is null || !FragmentOfType.ContainsKey(type))
        {
            return (null, $"Argument 'type' has an invalid value ({type ?? "null"}): expected one of SMS, MMS, VOICE, API.");
        }

        if (!DateTimeOffset.TryParse(variables["startDatetime"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            || !DateTimeOffset.TryParse(variables["endDatetime"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end))
        {
            return (null, "Arguments 'startDatetime' and 'endDatetime' must be valid DateTime values.");
        }

        if (end > Now.AddSeconds(5) || start >= end)
        {
            return (null, "'endDatetime' must be after 'startDatetime' and not in the future.");
        }

        var limit = variables["limit"] is { } l && l.GetValueKind() == JsonValueKind.Number ? l.GetValue<int>() : 100;
        if (limit is < 1 or > 1000)
        {
            return (null, "Argument 'limit' must be between 1 and 1000.");
        }

        return ((type, start, end, variables["companyId"]?.ToString(), limit, variables["cursor"]?.ToString()), string.Empty);
    }

    private static Dictionary<string, string[]> ParseFragments(string document) =>
        Fragment().Matches(document).ToDictionary(
            m => m.Groups["type"].Value,
            m => m.Groups["fields"].Value.Split([' ', '\n', '\r', '\t', ','], StringSplitOptions.RemoveEmptyEntries),
            StringComparer.Ordinal);

    private static JsonObject Render(TsgRecord record, Dictionary<string, string[]> fragments, bool typename)
    {
        var json = new JsonObject();
        if (typename)
        {
            json["__typename"] = record.Typename;
        }

        foreach (var field in fragments.GetValueOrDefault(record.Typename, []))
        {
            if (record.Fields.TryGetValue(field, out var value))
            {
                json[field] = field is "sessionTime" ? JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture)) : JsonValue.Create(value);
            }
        }

        return json;
    }

    private Uri ExportLink((string Type, DateTimeOffset Start, DateTimeOffset End, string? Company, int Limit, string? Cursor) args, Dictionary<string, string[]> fragments, DateTimeOffset now)
    {
        var spec = new JsonObject
        {
            ["type"] = args.Type,
            ["start"] = args.Start.ToString("O", CultureInfo.InvariantCulture),
            ["end"] = args.End.ToString("O", CultureInfo.InvariantCulture),
            ["company"] = args.Company,
            ["fields"] = new JsonArray(fragments.GetValueOrDefault(FragmentOfType[args.Type], []).Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
        };
        if (_data.IsLive)
        {
            spec["at"] = now.ToString("O", CultureInfo.InvariantCulture);
        }

        var q = Base64Url.Encode(Encoding.UTF8.GetBytes(spec.ToJsonString()));
        return new Uri(_downloadBase, $"tsg/export?q={q}&sig={Hmac(q)}");
    }

    private static string Fingerprint((string Type, DateTimeOffset Start, DateTimeOffset End, string? Company, int Limit, string? Cursor) args) =>
        string.Create(CultureInfo.InvariantCulture, $"{args.Type}|{args.Start:O}|{args.End:O}|{args.Company}");

    private string Sign(string value, string fingerprint) => Base64Url.Encode(Encoding.UTF8.GetBytes(value)) + "." + Hmac(value + "|" + fingerprint);

    private long? Unsign(string cursor, string fingerprint)
    {
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        try
        {
            var value = Encoding.UTF8.GetString(Base64Url.Decode(cursor[..dot]));
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hmac(value + "|" + fingerprint)), Encoding.ASCII.GetBytes(cursor[(dot + 1)..]))
                && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? index
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Hmac(string text) => Base64Url.Encode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    private static async Task<JsonNode?> ReadJsonAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Unauthorized(string message) =>
        Results.Text(new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["id"] = "unauthorized", ["message"] = message }) }.ToJsonString(), "application/json", Encoding.UTF8, 401);

    private static IResult GraphQLError(string message, string code) => Json(new JsonObject
    {
        ["data"] = new JsonObject { ["cdrRecords"] = null },
        ["errors"] = new JsonArray(new JsonObject
        {
            ["message"] = message,
            ["path"] = new JsonArray("cdrRecords"),
            ["locations"] = new JsonArray(new JsonObject { ["line"] = 2, ["column"] = 3 }),
            ["extensions"] = new JsonObject { ["code"] = code },
        }),
    });

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json", Encoding.UTF8);

    [GeneratedRegex(@"\.\.\.\s*on\s+(?<type>\w+)\s*\{(?<fields>[^}]*)\}", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex Fragment();
}
