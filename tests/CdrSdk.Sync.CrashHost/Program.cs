using System.Text.Json;
using CdrSdk;
using CdrSdk.Sync;
using CdrSdk.Sync.CrashHost;
using CdrSdk.Sync.Engine;

// Usage: CdrSdk.Sync.CrashHost JOB.json. Prints "STOPPED AT <point>" and hangs when it reaches the job's stop point
// (the test then kills it with SIGKILL), or "DONE <inserted> <updated> <unchanged> <outcomes>" when the run ends.
var job = JsonSerializer.Deserialize<CrashJob>(await File.ReadAllTextAsync(args[0]))!;
var hits = 0;
SyncFaultPoints.Listen((point, source) =>
{
    if (point == job.StopAt && (job.StopInSource is null || job.StopInSource == source) && Interlocked.Increment(ref hits) == job.StopAtHit)
    {
        Console.Out.WriteLine($"STOPPED AT {point} IN {source}");
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
});

var resilience = new CdrResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) };
await using var client = new CdrClient(new CdrClientOptions
{
    Kazoo = { BaseAddress = job.KazooBaseAddress is { } k ? new Uri(k) : null, AuthToken = job.KazooToken },
    Voiso = { BaseAddress = job.VoisoBaseAddress is { } v ? new Uri(v) : null, ApiKey = job.VoisoApiKey },
    Telnyx =
    {
        BaseAddress = job.TelnyxBaseAddress is { } t ? new Uri(t) : null,
        ApiKey = job.TelnyxApiKey,
        ApiUser = job.TelnyxApiUser,
        Polling = { InitialInterval = TimeSpan.FromMilliseconds(50), MaxInterval = TimeSpan.FromMilliseconds(200) },
    },
    Resilience = resilience,
});

var sources = job.Sources.Select(s => new CdrSyncSource
{
    Name = s.Name,
    Records = s.Provider switch
    {
        "voiso" => client.Voiso.AsCdrSource(),
        "telnyx" => client.Telnyx.AsCdrSource(),
        _ => client.Kazoo.AsCdrSource(s.KazooAccount!),
    },
    Start = s.From,
    End = s.To,
    WindowSize = s.Window,
    Lookback = s.Lookback,
}).ToList();

await using var store = CdrSyncStore.Open(job.Store);
using var engine = new CdrSyncEngine(store, new CdrSyncOptions
{
    BatchSize = job.BatchSize,
    WorkerId = job.WorkerId,
    LeaseDuration = job.LeaseDuration,
    MaxConcurrency = job.MaxConcurrency,
});
var result = await engine.RunAsync(sources);
var counts = result.Counts;
Console.Out.WriteLine($"DONE {counts.Inserted} {counts.Updated} {counts.Unchanged} " +
    string.Join(',', result.Sources.Select(s => $"{s.Source}={s.Outcome}{(s.Error is null ? "" : "(" + s.Error.ReplaceLineEndings(" ") + ")")}")));
return result.Succeeded ? 0 : 1;
