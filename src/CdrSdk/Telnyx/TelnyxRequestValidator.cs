using System.Globalization;

namespace CdrSdk.Telnyx;

/// <summary>Every rule a report request must meet before it is sent, with a message per broken rule.</summary>
internal static class TelnyxRequestValidator
{
    /// <summary>CDR end times must be less than this far in the future (Telnyx v1 rule).</summary>
    public static readonly TimeSpan CdrEndHorizon = TimeSpan.FromHours(24);

    /// <summary>MDRs of the last 4 hours may still be awaiting delivery confirmation.</summary>
    public static readonly TimeSpan MdrSettlingWindow = TimeSpan.FromHours(4);

    /// <summary>Telnyx keeps detail records for 30 days.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public static void Validate(CdrReportRequest request, TelnyxApiVersion version, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<CdrValidationError>();
        ValidateRange(request.StartTime, request.EndTime, version, errors);
        if (request.EndTime is { } end && end >= now + CdrEndHorizon)
        {
            errors.Add(new(nameof(request.EndTime), $"must be less than 24 hours from now ({Format(now + CdrEndHorizon)}), but was {Format(end)}."));
        }

        ValidateList(request.CallTypes, nameof(request.CallTypes), "Inbound or Outbound", t => Enum.IsDefined(t), errors);
        ValidateList(request.RecordTypes, nameof(request.RecordTypes), "Complete, Incomplete or Errors", t => Enum.IsDefined(t), errors);
        ValidateConnections(request.Connections, version, errors);
        ValidateText(request.ReportName, nameof(request.ReportName), errors);

        if (request.Source is { } source)
        {
            var allowed = version == TelnyxApiVersion.V1
                ? new[] { CdrReportSource.Calls, CdrReportSource.CallControl }
                : [CdrReportSource.Calls, CdrReportSource.CallControl, CdrReportSource.FaxApi, CdrReportSource.WebRtc];
            if (!allowed.Contains(source))
            {
                errors.Add(new(nameof(request.Source), $"must be one of {string.Join(", ", allowed.Select(a => "'" + a + "'"))} for API {version}, but was '{source}'."));
            }
        }

        ReportFilterValidator.Validate(request.Filters, version, nameof(request.Filters), errors);

        if (version == TelnyxApiVersion.V1)
        {
            RejectV2Only(request.Timezone, nameof(request.Timezone), errors);
            RejectV2Only(request.Fields, nameof(request.Fields), errors);
            RejectV2Only(request.IncludeAllMetadata, nameof(request.IncludeAllMetadata), errors);
            RejectV2Only(request.ManagedAccounts, nameof(request.ManagedAccounts), errors);
            RejectV2Only(request.SelectAllManagedAccounts, nameof(request.SelectAllManagedAccounts), errors);
        }
        else
        {
            ValidateText(request.Timezone, nameof(request.Timezone), errors);
            ValidateList(request.Fields, nameof(request.Fields), "non-empty field names", f => !string.IsNullOrWhiteSpace(f), errors);
            ValidateList(request.ManagedAccounts, nameof(request.ManagedAccounts), "non-empty account ids", a => !string.IsNullOrWhiteSpace(a), errors);
        }

        ThrowIfAny(errors);
    }

    public static void Validate(MdrReportRequest request, TelnyxApiVersion version)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<CdrValidationError>();
        ValidateRange(request.StartTime, request.EndTime, version, errors);
        ValidateList(request.RecordTypes, nameof(request.RecordTypes), "Complete, Incomplete or Errors", t => Enum.IsDefined(t), errors);
        ValidateList(request.Directions, nameof(request.Directions), "Inbound or Outbound", d => Enum.IsDefined(d), errors);
        ValidateList(request.Profiles, nameof(request.Profiles), "non-empty profile ids", p => !string.IsNullOrWhiteSpace(p), errors);
        ValidateConnections(request.Connections, version, errors);
        ValidateText(request.ReportName, nameof(request.ReportName), errors);
        ValidateText(request.Timezone, nameof(request.Timezone), errors);
        ReportFilterValidator.Validate(request.Filters, version, nameof(request.Filters), errors);

        if (version == TelnyxApiVersion.V1)
        {
            ValidateList(request.CallTypes, nameof(request.CallTypes), "Inbound or Outbound", t => Enum.IsDefined(t), errors);
            RejectV2Only(request.IncludeMessageBody, nameof(request.IncludeMessageBody), errors);
            RejectV2Only(request.ManagedAccounts, nameof(request.ManagedAccounts), errors);
            RejectV2Only(request.SelectAllManagedAccounts, nameof(request.SelectAllManagedAccounts), errors);
        }
        else
        {
            if (request.CallTypes is not null)
            {
                errors.Add(new(nameof(request.CallTypes), "is not accepted by API v2 for MDR reports: use Directions (Inbound, Outbound) instead."));
            }

            ValidateList(request.ManagedAccounts, nameof(request.ManagedAccounts), "non-empty account ids", a => !string.IsNullOrWhiteSpace(a), errors);
        }

        ThrowIfAny(errors);
    }

    private static void ValidateRange(DateTimeOffset start, DateTimeOffset? end, TelnyxApiVersion version, List<CdrValidationError> errors)
    {
        if (start == default)
        {
            errors.Add(new("StartTime", "is required: set the first instant the report covers."));
        }

        if (end is null)
        {
            if (version == TelnyxApiVersion.V2)
            {
                errors.Add(new("EndTime", "is required by API v2: set the end of the range."));
            }
        }
        else if (start != default && end.Value <= start)
        {
            errors.Add(new("EndTime", $"must be after StartTime ({Format(start)}), but was {Format(end.Value)}."));
        }
    }

    private static void ValidateConnections(IReadOnlyList<string>? connections, TelnyxApiVersion version, List<CdrValidationError> errors)
    {
        ValidateList(connections, "Connections", "non-empty connection ids", c => !string.IsNullOrWhiteSpace(c), errors);
        if (version == TelnyxApiVersion.V2 && connections is not null)
        {
            for (var i = 0; i < connections.Count; i++)
            {
                if (!string.IsNullOrWhiteSpace(connections[i]) && !long.TryParse(connections[i], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    errors.Add(new($"Connections[{i}]", $"must be a numeric connection id for API v2, but was '{connections[i]}'."));
                }
            }
        }
    }

    private static void ValidateList<T>(IReadOnlyList<T>? values, string name, string allowed, Func<T, bool> isValid, List<CdrValidationError> errors)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count == 0)
        {
            errors.Add(new(name, $"is empty: give at least one value ({allowed}), or leave it null for the server's default."));
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!isValid(values[i]))
            {
                errors.Add(new($"{name}[{i}]", $"must be {allowed}, but was '{values[i]}'."));
            }
        }

        if (values.Distinct().Count() != values.Count)
        {
            errors.Add(new(name, "contains the same value more than once."));
        }
    }

    private static void ValidateText(string? value, string name, List<CdrValidationError> errors)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(name, "is empty: give a value or leave it null."));
        }
    }

    private static void RejectV2Only(object? value, string name, List<CdrValidationError> errors)
    {
        if (value is not null)
        {
            errors.Add(new(name, "is supported by API v2 only: set TelnyxOptions.ApiVersion = V2 or leave it null."));
        }
    }

    private static void ThrowIfAny(List<CdrValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new CdrValidationException(errors) { Provider = CdrProvider.Telnyx };
        }
    }

    private static string Format(DateTimeOffset value) => IsoTime.Seconds(value);
}
