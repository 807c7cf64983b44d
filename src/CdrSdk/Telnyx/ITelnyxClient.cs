namespace CdrSdk.Telnyx;

/// <summary>The Telnyx reporting API: asynchronous CDR and MDR report requests.</summary>
public interface ITelnyxClient
{
    /// <summary>The API generation this client speaks.</summary>
    TelnyxApiVersion ApiVersion { get; }

    /// <summary>CDR report requests.</summary>
    ITelnyxCdrReports CdrReports { get; }

    /// <summary>MDR report requests.</summary>
    ITelnyxMdrReports MdrReports { get; }
}
