using System.Globalization;
using System.Text.Json;
using CdrSdk.Core.Json;

namespace CdrSdk.Telnyx.Api;

/// <summary>Translates between the public Telnyx models and the wire shapes of API v1 and v2.</summary>
internal static class TelnyxWireMapper
{
    // ---- responses -------------------------------------------------------------------------------------

    public static CdrReport ToCdrReport(TelnyxReportWire wire)
    {
        var (filters, rawFilters) = ReadFilters(wire.Filters);
        return new CdrReport
        {
            Id = RequireId(wire),
            Status = ReadStatus(wire.Status),
            ReportUrl = ReadUri(wire.ReportUrl),
            StartTime = LenientJson.AsDateTimeOffset(wire.StartTime) ?? LenientJson.AsDateTimeOffset(wire.StartDate),
            EndTime = LenientJson.AsDateTimeOffset(wire.EndTime) ?? LenientJson.AsDateTimeOffset(wire.EndDate),
            CallTypes = ReadCallTypes(wire.CallTypes),
            RecordTypes = ReadRecordTypes(wire.RecordTypes),
            Connections = LenientJson.AsStringList(wire.Connections),
            ReportName = wire.ReportName,
            Filters = filters,
            RawFilters = rawFilters,
            Source = string.IsNullOrWhiteSpace(wire.Source) ? (CdrReportSource?)null : new CdrReportSource(wire.Source),
            Timezone = wire.Timezone,
            ManagedAccounts = LenientJson.AsStringList(wire.ManagedAccounts),
            RecordType = wire.RecordType,
            RetryCount = LenientJson.AsInt64(wire.Retry) is { } retry ? (int)retry : null,
            CreatedAt = LenientJson.AsDateTimeOffset(wire.CreatedAt),
            UpdatedAt = LenientJson.AsDateTimeOffset(wire.UpdatedAt),
        };
    }

    public static MdrReport ToMdrReport(TelnyxReportWire wire)
    {
        var (filters, rawFilters) = ReadFilters(wire.Filters);
        return new MdrReport
        {
            Id = RequireId(wire),
            Status = ReadStatus(wire.Status),
            ReportUrl = ReadUri(wire.ReportUrl),
            StartTime = LenientJson.AsDateTimeOffset(wire.StartTime) ?? LenientJson.AsDateTimeOffset(wire.StartDate),
            EndTime = LenientJson.AsDateTimeOffset(wire.EndTime) ?? LenientJson.AsDateTimeOffset(wire.EndDate),
            CallTypes = ReadCallTypes(wire.CallTypes),
            RecordTypes = ReadRecordTypes(wire.RecordTypes),
            Connections = LenientJson.AsStringList(wire.Connections),
            Profiles = LenientJson.AsStringList(wire.Profiles),
            Directions = ReadMessageDirections(wire.Directions),
            ReportName = wire.ReportName,
            Filters = filters,
            RawFilters = rawFilters,
            Timezone = wire.Timezone,
            ManagedAccounts = LenientJson.AsStringList(wire.ManagedAccounts),
            RecordType = wire.RecordType,
            CreatedAt = LenientJson.AsDateTimeOffset(wire.CreatedAt),
            UpdatedAt = LenientJson.AsDateTimeOffset(wire.UpdatedAt),
        };
    }

    private static string RequireId(TelnyxReportWire wire) =>
        LenientJson.AsString(wire.Id) is { Length: > 0 } id
            ? id
            : throw new JsonException("The report has no 'id'.");

    internal static ReportStatus ReadStatus(JsonElement element)
    {
        if (LenientJson.AsInt64(element) is { } number && element.ValueKind == JsonValueKind.Number)
        {
            return number is >= 1 and <= 4 ? (ReportStatus)number : ReportStatus.Unknown;
        }

        var text = LenientJson.AsString(element)?.Trim().ToUpperInvariant();
        return text switch
        {
            "1" or "PENDING" => ReportStatus.Pending,
            "2" or "COMPLETE" or "COMPLETED" => ReportStatus.Complete,
            "3" or "FAILED" => ReportStatus.Failed,
            "4" or "EXPIRED" => ReportStatus.Expired,
            _ => ReportStatus.Unknown,
        };
    }

    private static Uri? ReadUri(string? value) =>
        !string.IsNullOrWhiteSpace(value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;

    private static TelnyxRecordType[] ReadRecordTypes(JsonElement element) =>
        LenientJson.AsStringList(element).Select(v => v.Trim().ToUpperInvariant() switch
        {
            "1" or "COMPLETE" or "COMPLETED" => TelnyxRecordType.Complete,
            "2" or "INCOMPLETE" => TelnyxRecordType.Incomplete,
            "3" or "ERRORS" or "ERROR" => TelnyxRecordType.Errors,
            _ => (TelnyxRecordType?)null,
        }).OfType<TelnyxRecordType>().ToArray();

    private static TelnyxCallType[] ReadCallTypes(JsonElement element) =>
        ReadDirections(element).Select(d => d == 1 ? TelnyxCallType.Inbound : TelnyxCallType.Outbound).ToArray();

    private static MessageDirection[] ReadMessageDirections(JsonElement element) =>
        ReadDirections(element).Select(d => d == 1 ? MessageDirection.Inbound : MessageDirection.Outbound).ToArray();

    /// <summary>Reads directions sent as numbers (<c>1</c>) or names (<c>INBOUND</c>, <c>inbound</c>): 1 or 2; unknown entries are skipped.</summary>
    private static IEnumerable<int> ReadDirections(JsonElement element) =>
        LenientJson.AsStringList(element).Select(v => v.Trim().ToUpperInvariant() switch
        {
            "1" or "INBOUND" => 1,
            "2" or "OUTBOUND" => 2,
            _ => 0,
        }).Where(d => d != 0);

    /// <summary>Reads <c>filters</c> sent as an array of objects, or as a string holding such an array.</summary>
    private static (IReadOnlyList<ReportFilter> Filters, string? Raw) ReadFilters(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                return (ReadFilterArray(element), null);
            case JsonValueKind.String:
                var text = element.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return ([], null);
                }

                try
                {
                    using var document = JsonDocument.Parse(text);
                    if (document.RootElement.ValueKind == JsonValueKind.Array)
                    {
                        return (ReadFilterArray(document.RootElement), null);
                    }
                }
                catch (JsonException)
                {
                    // Not JSON: keep the text as sent.
                }

                return ([], text);
            default:
                return ([], null);
        }
    }

    private static ReportFilter[] ReadFilterArray(JsonElement array) =>
        array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(ReadFilter).ToArray();

    private static ReportFilter ReadFilter(JsonElement item)
    {
        string? Text(string name) => item.TryGetProperty(name, out var value) ? LenientJson.AsString(value) : null;
        IReadOnlyList<string>? tags = item.TryGetProperty("tags_list", out var t) && t.ValueKind is JsonValueKind.Array or JsonValueKind.String
            ? LenientJson.AsStringList(t)
            : null;
        return new ReportFilter
        {
            FilterType = WireNames.ParseFilterType(Text("filter_type")) ?? default,
            Cli = NullIfEmpty(Text("cli")),
            CliFilter = WireNames.ParseMatch(Text("cli_filter")),
            Cld = NullIfEmpty(Text("cld")),
            CldFilter = WireNames.ParseMatch(Text("cld_filter")),
            TagsList = tags is { Count: > 0 } ? tags : null,
            BillingGroup = NullIfEmpty(Text("billing_group")),
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // ---- requests --------------------------------------------------------------------------------------

    public static TelnyxV1CdrRequestWire ToV1(CdrReportRequest request) => new()
    {
        StartTime = LenientJson.FormatIso8601(request.StartTime),
        EndTime = request.EndTime is { } end ? LenientJson.FormatIso8601(end) : null,
        CallTypes = request.CallTypes?.Select(t => (int)t).ToArray(),
        RecordTypes = request.RecordTypes?.Select(t => (int)t).ToArray(),
        Connections = request.Connections,
        ReportName = request.ReportName,
        Source = request.Source?.Value,
        Filters = request.Filters?.Select(ToV1).ToArray(),
    };

    public static TelnyxV2CdrRequestWire ToV2(CdrReportRequest request) => new()
    {
        StartTime = LenientJson.FormatIso8601(request.StartTime),
        EndTime = LenientJson.FormatIso8601(request.EndTime!.Value),
        CallTypes = request.CallTypes?.Select(t => (int)t).ToArray(),
        RecordTypes = request.RecordTypes?.Select(t => (int)t).ToArray(),
        Connections = request.Connections?.Select(ParseConnection).ToArray(),
        ReportName = request.ReportName,
        Source = request.Source?.Value,
        Filters = request.Filters?.Select(ToV2).ToArray(),
        Timezone = request.Timezone,
        Fields = request.Fields,
        IncludeAllMetadata = request.IncludeAllMetadata,
        ManagedAccounts = request.ManagedAccounts,
        SelectAllManagedAccounts = request.SelectAllManagedAccounts,
    };

    public static TelnyxV1MdrRequestWire ToV1(MdrReportRequest request) => new()
    {
        StartTime = LenientJson.FormatIso8601(request.StartTime),
        EndTime = request.EndTime is { } end ? LenientJson.FormatIso8601(end) : null,
        CallTypes = request.CallTypes?.Select(t => (int)t).ToArray(),
        RecordTypes = request.RecordTypes?.Select(t => (int)t).ToArray(),
        Connections = request.Connections,
        Profiles = request.Profiles,
        ReportName = request.ReportName,
        Filters = request.Filters?.Select(ToV1).ToArray(),
        Directions = request.Directions?.Select(d => d == MessageDirection.Inbound ? "inbound" : "outbound").ToArray(),
        Timezone = request.Timezone,
    };

    public static TelnyxV2MdrRequestWire ToV2(MdrReportRequest request) => new()
    {
        StartTime = LenientJson.FormatIso8601(request.StartTime),
        EndTime = LenientJson.FormatIso8601(request.EndTime!.Value),
        RecordTypes = request.RecordTypes?.Select(t => (int)t).ToArray(),
        Connections = request.Connections?.Select(ParseConnection).ToArray(),
        Profiles = request.Profiles,
        Directions = request.Directions?.Select(d => (int)d).ToArray(),
        ReportName = request.ReportName,
        Filters = request.Filters?.Select(ToV2).ToArray(),
        Timezone = request.Timezone,
        IncludeMessageBody = request.IncludeMessageBody,
        ManagedAccounts = request.ManagedAccounts,
        SelectAllManagedAccounts = request.SelectAllManagedAccounts,
    };

    private static long ParseConnection(string value) => long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static TelnyxV1FilterWire ToV1(ReportFilter filter) => new()
    {
        FilterType = WireNames.Of(filter.FilterType),
        Cli = filter.Cli,
        CliFilter = filter.Cli is null ? null : WireNames.Of(filter.CliFilter),
        Cld = filter.Cld,
        CldFilter = filter.Cld is null ? null : WireNames.Of(filter.CldFilter),
        TagsList = filter.TagsList,
    };

    private static TelnyxV2FilterWire ToV2(ReportFilter filter) => new()
    {
        FilterType = WireNames.Of(filter.FilterType),
        Cli = filter.Cli,
        CliFilter = filter.Cli is null ? null : WireNames.Of(filter.CliFilter),
        Cld = filter.Cld,
        CldFilter = filter.Cld is null ? null : WireNames.Of(filter.CldFilter),
        TagsList = filter.TagsList is { Count: > 0 } tags ? tags[0] : null,
        BillingGroup = filter.BillingGroup,
    };
}
