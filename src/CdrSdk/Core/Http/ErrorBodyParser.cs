using System.Globalization;
using System.Text.Json;

namespace CdrSdk.Core.Http;

/// <summary>
/// Reads provider error bodies leniently, whatever their shape:
/// Telnyx and TSG <c>{"errors":[{"code","title","detail","source"}]}</c> (code as string or number),
/// GraphQL <c>{"errors":[{"message","path","extensions":{"code"}}]}</c>,
/// Voiso <c>{"error":"..."}</c> and <c>{"errors":{"field":["message"]}}</c>,
/// Kazoo <c>{"status":"error","error":"401","message":"...","data":{...},"request_id":"..."}</c>.
/// Bodies that are not JSON give no errors; the caller still has the excerpt.
/// </summary>
internal static class ErrorBodyParser
{
    public static (IReadOnlyList<CdrApiError> Errors, string? RequestId) Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return ([], null);
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ([], null);
            }

            var errors = new List<CdrApiError>();
            if (root.TryGetProperty("errors", out var errorsElement))
            {
                ReadErrors(errorsElement, errors);
            }

            if (root.TryGetProperty("error", out var error) && errors.Count == 0)
            {
                ReadSingleError(root, error, errors);
            }
            else if (errors.Count == 0 && root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                errors.Add(new CdrApiError { Title = message.GetString() });
            }

            return (errors, ReadRequestId(root));
        }
        catch (JsonException)
        {
            return ([], null);
        }
    }

    private static void ReadErrors(JsonElement element, List<CdrApiError> errors)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    errors.Add(new CdrApiError { Title = item.GetString() });
                }
                else if (item.ValueKind == JsonValueKind.Object)
                {
                    errors.Add(ReadErrorObject(item));
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            // Field -> messages (Rails style validation errors).
            foreach (var field in element.EnumerateObject())
            {
                if (field.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var message in field.Value.EnumerateArray())
                    {
                        errors.Add(new CdrApiError { Source = field.Name, Detail = AsText(message), Title = "invalid " + field.Name });
                    }
                }
                else
                {
                    errors.Add(new CdrApiError { Source = field.Name, Detail = AsText(field.Value), Title = "invalid " + field.Name });
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.String)
        {
            errors.Add(new CdrApiError { Title = element.GetString() });
        }
    }

    private static CdrApiError ReadErrorObject(JsonElement item)
    {
        string? code = Property(item, "code") ?? Property(item, "id");
        string? title = Property(item, "title");
        string? detail = Property(item, "detail") ?? Property(item, "message");
        string? source = null;

        if (item.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object)
        {
            code ??= Property(extensions, "code");
        }

        if (item.TryGetProperty("source", out var src))
        {
            source = src.ValueKind == JsonValueKind.Object
                ? Property(src, "pointer") ?? Property(src, "parameter")
                : AsText(src);
        }
        else if (item.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.Array)
        {
            source = string.Join('.', path.EnumerateArray().Select(AsText));
        }

        if (title is null && detail is not null)
        {
            (title, detail) = (detail, null);
        }

        return new CdrApiError { Code = code, Title = title, Detail = detail, Source = source };
    }

    private static void ReadSingleError(JsonElement root, JsonElement error, List<CdrApiError> errors)
    {
        if (error.ValueKind == JsonValueKind.Object)
        {
            errors.Add(ReadErrorObject(error));
            return;
        }

        var message = Property(root, "message");
        var code = AsText(error);
        if (message is not null)
        {
            // Kazoo: "error" is the code ("401"), "message" the reason ("invalid_credentials").
            string? detail = null;
            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                detail = DescribeValidationData(data);
            }

            errors.Add(new CdrApiError { Code = code, Title = message, Detail = detail });
        }
        else
        {
            errors.Add(new CdrApiError { Title = code });
        }
    }

    /// <summary>Validation details nested as field, then rule, then message (Kazoo's <c>data</c>): <c>field.rule: message</c>.</summary>
    private static string? DescribeValidationData(JsonElement data)
    {
        var parts = new List<string>();
        foreach (var field in data.EnumerateObject())
        {
            if (field.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var rule in field.Value.EnumerateObject())
                {
                    var text = rule.Value.ValueKind == JsonValueKind.Object && rule.Value.TryGetProperty("message", out var m)
                        ? AsText(m)
                        : AsText(rule.Value);
                    parts.Add($"{field.Name}.{rule.Name}: {text}");
                }
            }
            else if (field.Value.ValueKind is JsonValueKind.String)
            {
                parts.Add($"{field.Name}: {field.Value.GetString()}");
            }
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string? ReadRequestId(JsonElement root)
    {
        var id = Property(root, "request_id");
        if (id is null && root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            id = Property(meta, "request_id");
        }

        return id;
    }

    private static string? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? AsText(value) : null;

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    internal static string Format(int status, IReadOnlyList<CdrApiError> errors) =>
        errors.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {status}")
            : string.Join("; ", errors.Take(5).Select(e => e.ToString()));
}
