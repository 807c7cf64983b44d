using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.PublicApi;

/// <summary>
/// The public surface of the CdrSdk package, rendered by PublicApiGenerator and checked against
/// PublicAPI.approved.txt: any change to a public type or member fails this test until the approved file is
/// updated on purpose (and the change named in CHANGELOG.md).
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_matches_the_approved_snapshot() =>
        PublicApiSnapshot.AssertApproved(typeof(CdrClient).Assembly, RepositoryPaths.Combine("tests", "CdrSdk.Tests", "PublicApi"));

    [Fact]
    public void The_snapshot_shows_nullability_required_members_and_the_di_extensions_but_no_internals()
    {
        var api = Render();

        Assert.Contains("public sealed class CdrClient : CdrSdk.ICdrClient, System.IAsyncDisposable, System.IDisposable", api, StringComparison.Ordinal);
        Assert.Contains("public required string Id { get; init; }", api, StringComparison.Ordinal);
        Assert.Contains("public required CdrSdk.CdrProvider Provider { get; init; }", api, StringComparison.Ordinal);
        Assert.Contains("public static Microsoft.Extensions.Options.OptionsBuilder<CdrSdk.CdrClientOptions> AddCdrClient(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, System.Action<CdrSdk.CdrClientOptions> configure)", api, StringComparison.Ordinal);
        Assert.Contains("public abstract class AsyncPageable<T> : System.Collections.Generic.IAsyncEnumerable<T>", api, StringComparison.Ordinal);
        Assert.Contains("NoAnswer = 2,", api, StringComparison.Ordinal);
        Assert.DoesNotContain("CdrSdk.Core.Http", api, StringComparison.Ordinal);
        Assert.DoesNotContain("ApiTransport", api, StringComparison.Ordinal);
    }

    private static string Render() => PublicApiSnapshot.Render(typeof(CdrClient).Assembly);
}
