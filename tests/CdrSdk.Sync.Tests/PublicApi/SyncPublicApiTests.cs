using CdrSdk.Sync.Tests.Infrastructure;
using PublicApiGenerator;

namespace CdrSdk.Sync.Tests.PublicApi;

/// <summary>
/// The public surface of the CdrSdk.Sync package, rendered by PublicApiGenerator and checked against
/// PublicAPI.approved.txt: any change to a public type or member fails this test until the approved file is updated on
/// purpose (and the change named in CHANGELOG.md).
/// </summary>
public sealed class SyncPublicApiTests
{
    /// <summary><c>AddCdrSync</c> and <c>AddCdrSyncCheck</c> live in Microsoft.Extensions.DependencyInjection, where DI users look for them.</summary>
    private static readonly ApiGeneratorOptions Options = new()
    {
        AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
        IncludeAssemblyAttributes = false,
    };

    [Fact]
    public void The_public_api_matches_the_approved_snapshot()
    {
        var approvedPath = Path.Combine(SourceDirectory(), "PublicAPI.approved.txt");
        var receivedPath = Path.Combine(SourceDirectory(), "PublicAPI.received.txt");
        var received = Render();
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;

        if (string.Equals(approved, received, StringComparison.Ordinal))
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        var before = approved.Split('\n').ToHashSet(StringComparer.Ordinal);
        var after = received.Split('\n').ToHashSet(StringComparer.Ordinal);
        var removed = approved.Split('\n').Where(l => !after.Contains(l)).Take(20).Select(l => "  - " + l);
        var added = received.Split('\n').Where(l => !before.Contains(l)).Take(20).Select(l => "  + " + l);
        Assert.Fail(
            "The public API of CdrSdk.Sync changed. If that is intended, replace PublicAPI.approved.txt with PublicAPI.received.txt "
            + $"(both in {SourceDirectory()}), update CHANGELOG.md, and commit them together.{Environment.NewLine}"
            + string.Join(Environment.NewLine, removed.Concat(added)));
    }

    [Fact]
    public void The_snapshot_shows_the_engine_the_stores_the_options_and_the_di_extensions_but_no_internals()
    {
        var api = Render();

        Assert.Contains("public sealed class CdrSyncEngine : System.IDisposable", api, StringComparison.Ordinal);
        Assert.Contains("public System.Threading.Tasks.Task<CdrSdk.Sync.CdrSyncRunResult> ResyncAsync(", api, StringComparison.Ordinal);
        Assert.Contains("public abstract class CdrSyncStore : System.IAsyncDisposable", api, StringComparison.Ordinal);
        Assert.Contains("public required string Name { get; init; }", api, StringComparison.Ordinal);
        Assert.Contains("public static Microsoft.Extensions.Options.OptionsBuilder<CdrSdk.Sync.CdrSyncOptions> AddCdrSync(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)", api, StringComparison.Ordinal);
        Assert.DoesNotContain("DuckDbLane", api, StringComparison.Ordinal);
        Assert.DoesNotContain("ISyncBatchWriter", api, StringComparison.Ordinal);
        Assert.DoesNotContain("CdrSdk.Sync.Stores", api, StringComparison.Ordinal);
    }

    private static string Render() => typeof(CdrSyncEngine).Assembly.GeneratePublicApi(Options).ReplaceLineEndings("\n");

    private static string SourceDirectory() => RepositoryRoot.Combine("tests", "CdrSdk.Sync.Tests", "PublicApi");
}
