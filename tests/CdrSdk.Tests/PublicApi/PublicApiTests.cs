using CdrSdk.Tests.Infrastructure;
using PublicApiGenerator;

namespace CdrSdk.Tests.PublicApi;

/// <summary>
/// The public surface of the CdrSdk package, rendered by PublicApiGenerator and checked against
/// PublicAPI.approved.txt: any change to a public type or member fails this test until the approved file is
/// updated on purpose (and the change named in CHANGELOG.md).
/// </summary>
public sealed class PublicApiTests
{
    /// <summary>
    /// PublicApiGenerator skips the System and Microsoft namespaces by default; the SDK's <c>AddCdrClient</c>
    /// extensions live in Microsoft.Extensions.DependencyInjection (where DI users look for them), so that one is allowed.
    /// </summary>
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
            "The public API of CdrSdk changed. If that is intended, replace PublicAPI.approved.txt with PublicAPI.received.txt "
            + $"(both in {SourceDirectory()}), update CHANGELOG.md, and commit them together.{Environment.NewLine}"
            + string.Join(Environment.NewLine, removed.Concat(added)));
    }

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

    private static string Render() => typeof(CdrClient).Assembly.GeneratePublicApi(Options).ReplaceLineEndings("\n");

    private static string SourceDirectory() => RepositoryPaths.Combine("tests", "CdrSdk.Tests", "PublicApi");
}
