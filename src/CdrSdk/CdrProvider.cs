namespace CdrSdk;

/// <summary>The telecom platforms the SDK talks to.</summary>
public enum CdrProvider
{
    /// <summary>Telnyx reporting API (CDR and MDR report requests).</summary>
    Telnyx = 1,

    /// <summary>Voiso contact-center API v4 (cursor list of CDRs).</summary>
    Voiso = 2,

    /// <summary>TSG Global GraphQL API (<c>cdrRecords</c> query).</summary>
    Tsg = 3,

    /// <summary>2600Hz Kazoo crossbar API, as run by IP Telecom and other platforms.</summary>
    Kazoo = 4,
}
