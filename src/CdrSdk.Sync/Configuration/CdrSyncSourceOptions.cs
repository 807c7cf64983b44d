namespace CdrSdk.Sync;

/// <summary>
/// One source in configuration (<c>CdrSync:Sources:0</c>): its provider, where it is, its filters and where its
/// credentials come from. Secrets are references (<c>env:NAME</c>, <c>file:PATH</c>, <c>secret:NAME</c>), never
/// values, and are never written to the store.
/// </summary>
public sealed class CdrSyncSourceOptions
{
    /// <summary>The source's name (see <see cref="CdrSyncSource.Name"/>); default: the provider, its type and account, such as <c>kazoo-1a2b...</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>telnyx</c>, <c>voiso</c>, <c>tsg</c> or <c>kazoo</c> (required).</summary>
    public string? Provider { get; set; }

    /// <summary>The provider's API address; default: the provider's public one (required for Kazoo).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// What to sync: Telnyx <c>calls</c> (default, CDR reports) or <c>messages</c> (MDR reports); TSG <c>SMS</c>
    /// (default), <c>MMS</c>, <c>VOICE</c> or <c>API</c>. Voiso uses <see cref="Types"/>; Kazoo has one kind.
    /// </summary>
    public string? Type { get; set; }

    /// <summary>Voiso: record types (<c>call</c>, <c>sms</c>, <c>conversation</c>, <c>hlr_lookup</c>); default all.</summary>
    public IList<string> Types { get; } = [];

    /// <summary>Voiso: queue ids to keep.</summary>
    public IList<string> Queues { get; } = [];

    /// <summary>Telnyx: connection ids to keep.</summary>
    public IList<string> Connections { get; } = [];

    /// <summary>Telnyx: <c>V1</c> (default) or <c>V2</c>.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Voiso: the cluster id (<c>https://{cluster}.voiso.com</c>) when no <see cref="BaseAddress"/> is given.</summary>
    public string? Cluster { get; set; }

    /// <summary>TSG: another company's records (admins).</summary>
    public string? CompanyId { get; set; }

    /// <summary>Kazoo: the account (32 hexadecimal characters; required).</summary>
    public string? AccountId { get; set; }

    /// <summary>Kazoo: one user's CDRs only.</summary>
    public string? UserId { get; set; }

    /// <summary>Where the credentials come from.</summary>
    public CdrSyncCredentialOptions Credentials { get; set; } = new();

    /// <summary>See <see cref="CdrSyncSource.Lookback"/>; default: the provider's (<see cref="CdrSyncDefaults.Lookback"/>).</summary>
    public TimeSpan? Lookback { get; set; }

    /// <summary>See <see cref="CdrSyncSource.Settle"/>; default: the provider's (<see cref="CdrSyncDefaults.Settle"/>).</summary>
    public TimeSpan? Settle { get; set; }

    /// <summary>See <see cref="CdrSyncSource.Start"/>: where the first run starts; default 1 day before now.</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>See <see cref="CdrSyncSource.End"/>: a fixed end instead of now.</summary>
    public DateTimeOffset? End { get; set; }

    /// <summary>See <see cref="CdrSyncSource.WindowSize"/>; default 1 day.</summary>
    public TimeSpan? WindowSize { get; set; }

    /// <summary>See <see cref="CdrSyncSource.PageSize"/>: records per request, 1 to 1000; default the provider's.</summary>
    public int? PageSize { get; set; }

    /// <summary>The provider client's retries and timeouts; default the SDK's.</summary>
    public CdrResilienceOptions? Resilience { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{Name ?? "(unnamed)"} ({Provider}) {Credentials}";
}
