using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tests.PublicApi;

namespace CdrSdk.Sync.Tests.PublicApi;

/// <summary>
/// The public surface of the CdrSdk.Sync package, rendered by PublicApiGenerator and checked against
/// PublicAPI.approved.txt: any change to a public type or member fails this test until the approved file is updated on
/// purpose (and the change named in CHANGELOG.md).
/// </summary>
public sealed class SyncPublicApiTests
{
    [Fact]
    public void The_public_api_matches_the_approved_snapshot() =>
        PublicApiSnapshot.AssertApproved(typeof(CdrSyncEngine).Assembly, RepositoryPaths.Combine("tests", "CdrSdk.Sync.Tests", "PublicApi"));

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

    private static string Render() => PublicApiSnapshot.Render(typeof(CdrSyncEngine).Assembly);
}
