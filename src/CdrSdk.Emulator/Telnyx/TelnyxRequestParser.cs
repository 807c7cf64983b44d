using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CdrSdk.Emulator.Telnyx;

/// <summary>Parses and validates a report request body the way the Telnyx API does, producing Telnyx-style errors.</summary>
internal static class TelnyxRequestParser
{
    /// <summary>Parses a create-report body into a report, or the errors the API would answer with.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="isMdr">Whether this is an MDR (messaging) request.</param>
    /// <param name="version">The API version, 1 or 2.</param>
    /// <param name="now">When the request was received (the 24-hour end rule is judged against it).</param>
    /// <param name="completionDelay">How long the report stays pending.</param>
    /// <param name="signer">Signs the report id for its download link.</param>
    /// <param name="id">The id of a report rebuilt from its saved request; <see langword="null"/> makes a new id.</param>
    public static (EmulatedReport? Report, List<(string Detail, string Pointer)> Errors) Parse(
        JsonNode? body, bool isMdr, int version, DateTimeOffset now, TimeSpan completionDelay, Func<string, string> signer, string? id = null)
    {
        var errors = new List<(string, string)>();
        if (body is not JsonObject json)
        {
            errors.Add(("The request body must be a JSON object.", "/"));
            return (null, errors);
        }

        var start = ReadTime(json, "start_time", required: true, errors);
        var end = ReadTime(json, "end_time", required: version == 2, errors);
        if (start is not null && end is not null && end <= start)
        {
            errors.Add(("end_time must be after start_time.", "/end_time"));
        }

        if (!isMdr && version == 1 && end is not null && end >= now.AddHours(24))
        {
            errors.Add(("end_time must be less than 24 hours from now.", "/end_time"));
        }

        var callTypes = ReadInts(json, "call_types", [1, 2], errors) ?? [1];
        var recordTypes = ReadInts(json, "record_types", [1, 2, 3], errors) ?? [1];
        var connections = ReadStrings(json, "connections", numericOnly: version == 2, errors) ?? [];
        var profiles = ReadStrings(json, "profiles", numericOnly: false, errors) ?? [];
        var directions = ReadDirections(json, version, errors);
        var source = json["source"]?.GetValue<string>();
        string[] sources = version == 1 ? ["calls", "call-control"] : ["calls", "call-control", "fax-api", "webrtc"];
        if (source is not null && !sources.Contains(source, StringComparer.Ordinal))
        {
            errors.Add(($"source must be one of {string.Join(", ", sources)}.", "/source"));
        }

        var filters = ReadFilters(json, version, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        id ??= Guid.NewGuid().ToString();
        var report = new EmulatedReport
        {
            Id = id,
            IsMdr = isMdr,
            ApiVersion = version,
            StartTime = start!.Value,
            EndTime = end ?? now,
            CreatedAt = now,
            CompletesAt = now + completionDelay,
            CallTypes = callTypes,
            RecordTypes = recordTypes,
            Connections = connections,
            Profiles = profiles,
            Directions = directions,
            Filters = filters,
            ReportName = json["report_name"]?.GetValue<string>(),
            Source = source,
            Timezone = json["timezone"]?.GetValue<string>(),
            DownloadToken = signer(id),
            RawFilters = json["filters"] is JsonArray raw ? (JsonArray)raw.DeepClone() : [],
        };
        return (report, errors);
    }

    private static DateTimeOffset? ReadTime(JsonObject json, string name, bool required, List<(string, string)> errors)
    {
        var node = json[name];
        if (node is null)
        {
            if (required)
            {
                errors.Add(($"{name} is required.", "/" + name));
            }

            return null;
        }

        if (node.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        errors.Add(($"{name} must be an ISO 8601 date-time.", "/" + name));
        return null;
    }

    private static List<int>? ReadInts(JsonObject json, string name, int[] allowed, List<(string, string)> errors)
    {
        if (json[name] is not JsonArray array)
        {
            if (json[name] is not null)
            {
                errors.Add(($"{name} must be an array of integers.", "/" + name));
            }

            return null;
        }

        var result = new List<int>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && allowed.Contains(v.GetValue<int>()))
            {
                result.Add(v.GetValue<int>());
            }
            else
            {
                errors.Add(($"{name}[{i}] must be one of {string.Join(", ", allowed)}.", $"/{name}/{i}"));
            }
        }

        return result;
    }

    private static List<string>? ReadStrings(JsonObject json, string name, bool numericOnly, List<(string, string)> errors)
    {
        if (json[name] is not JsonArray array)
        {
            return null;
        }

        var result = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            var kind = item?.GetValueKind();
            if (kind == JsonValueKind.Number || (!numericOnly && kind == JsonValueKind.String))
            {
                result.Add(item!.ToJsonString().Trim('"'));
            }
            else
            {
                errors.Add(($"{name}[{i}] must be {(numericOnly ? "an integer" : "a string")}.", $"/{name}/{i}"));
            }
        }

        return result;
    }

    private static List<string> ReadDirections(JsonObject json, int version, List<(string, string)> errors)
    {
        if (json["directions"] is not JsonArray array)
        {
            return [];
        }

        var result = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var text = array[i]?.ToJsonString().Trim('"');
            var direction = (version, text) switch
            {
                (1, "inbound") or (2, "1") => "inbound",
                (1, "outbound") or (2, "2") => "outbound",
                _ => null,
            };
            if (direction is null)
            {
                errors.Add(($"directions[{i}] must be {(version == 1 ? "inbound or outbound" : "1 (inbound) or 2 (outbound)")}.", $"/directions/{i}"));
            }
            else
            {
                result.Add(direction);
            }
        }

        return result;
    }

    private static List<EmulatedFilter> ReadFilters(JsonObject json, int version, List<(string, string)> errors)
    {
        var result = new List<EmulatedFilter>();
        if (json["filters"] is not JsonArray array)
        {
            return result;
        }

        var seenOr = false;
        for (var i = 0; i < array.Count; i++)
        {
            var pointer = $"/filters/{i}";
            if (array[i] is not JsonObject filter)
            {
                errors.Add(("each filter must be an object.", pointer));
                continue;
            }

            var type = filter["filter_type"]?.ToString();
            if (type is not ("and" or "or"))
            {
                errors.Add(("filter_type must be 'and' or 'or'.", pointer + "/filter_type"));
            }
            else if (i == 0 && type != "and")
            {
                errors.Add(("The first object in the filter list must specify a filter_type of and.", pointer + "/filter_type"));
            }
            else if (seenOr && type == "and")
            {
                errors.Add(("You can not follow an or with another and.", pointer + "/filter_type"));
            }

            seenOr |= type == "or";
            var cli = filter["cli"]?.ToString();
            var cld = filter["cld"]?.ToString();
            var billing = filter["billing_group"]?.ToString();
            IReadOnlyList<string>? tags = filter["tags_list"] switch
            {
                JsonArray t when version == 1 => t.Select(x => x?.ToString() ?? string.Empty).ToArray(),
                JsonValue t when version == 2 && t.GetValueKind() == JsonValueKind.String => [t.GetValue<string>()],
                null => null,
                _ => null,
            };
            if (filter["tags_list"] is not null && tags is null)
            {
                errors.Add((version == 1 ? "tags_list must be a list of strings." : "tags_list must be a string.", pointer + "/tags_list"));
            }

            var criteria = (cli is null ? 0 : 1) + (cld is null ? 0 : 1) + (tags is null ? 0 : 1) + (billing is null ? 0 : 1);
            if (criteria != 1)
            {
                errors.Add(("each filter must have exactly one of cli, cld, tags_list" + (version == 2 ? " or billing_group." : "."), pointer));
            }

            var cliFilter = filter["cli_filter"]?.ToString();
            var cldFilter = filter["cld_filter"]?.ToString();
            if (cli is not null && cliFilter is not ("contains" or "starts_with" or "ends_with"))
            {
                errors.Add(("cli_filter must be contains, starts_with or ends_with.", pointer + "/cli_filter"));
            }

            if (cld is not null && cldFilter is not ("contains" or "starts_with" or "ends_with"))
            {
                errors.Add(("cld_filter must be contains, starts_with or ends_with.", pointer + "/cld_filter"));
            }

            if (billing is not null && version == 1)
            {
                errors.Add(("billing_group is not supported.", pointer + "/billing_group"));
            }

            result.Add(new EmulatedFilter(type ?? "and", cli, cliFilter, cld, cldFilter, tags, billing));
        }

        return result;
    }
}
