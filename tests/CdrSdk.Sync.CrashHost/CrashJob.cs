namespace CdrSdk.Sync.CrashHost;

/// <summary>What one worker process does: the store, the sources (on the emulator the test runs), and where to stop.</summary>
public sealed class CrashJob
{
    public string Store { get; set; } = string.Empty;

    public string WorkerId { get; set; } = "worker";

    public int BatchSize { get; set; } = 100;

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxConcurrency { get; set; } = 2;

    public List<CrashSource> Sources { get; set; } = [];

    public string? KazooBaseAddress { get; set; }

    public string? KazooToken { get; set; }

    public string? VoisoBaseAddress { get; set; }

    public string? VoisoApiKey { get; set; }

    public string? TelnyxBaseAddress { get; set; }

    public string? TelnyxApiKey { get; set; }

    public string? TelnyxApiUser { get; set; }

    /// <summary>The fault point to stop at (fetch, load, commit, committed); none runs to the end.</summary>
    public string? StopAt { get; set; }

    /// <summary>Stop the <see cref="StopAtHit"/>-th time the point is reached.</summary>
    public int StopAtHit { get; set; } = 1;

    /// <summary>Only count the point while this source is being synced (sources run concurrently).</summary>
    public string? StopInSource { get; set; }
}

/// <summary>One source of the job.</summary>
public sealed class CrashSource
{
    public string Name { get; set; } = string.Empty;

    /// <summary><c>kazoo</c>, <c>voiso</c> or <c>telnyx</c>.</summary>
    public string Provider { get; set; } = "kazoo";

    public string? KazooAccount { get; set; }

    public DateTimeOffset From { get; set; }

    public DateTimeOffset To { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(6);

    public TimeSpan Lookback { get; set; } = TimeSpan.FromHours(1);
}
