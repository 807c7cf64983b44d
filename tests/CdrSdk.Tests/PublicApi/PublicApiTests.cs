using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.PublicApi;

/// <summary>
/// The public surface of the CdrSdk package, checked against PublicAPI.approved.txt: any change to a public
/// type or member fails this test until the approved file is updated on purpose (and reviewed with the change).
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_matches_the_approved_snapshot()
    {
        var approvedPath = Path.Combine(SourceDirectory(), "PublicAPI.approved.txt");
        var receivedPath = Path.Combine(SourceDirectory(), "PublicAPI.received.txt");
        var received = PublicApiRenderer.Render(typeof(CdrClient).Assembly);
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
    public void The_renderer_shows_nullability_modifiers_and_accessors()
    {
        var api = PublicApiRenderer.Render(typeof(CdrClient).Assembly).Split('\n');

        Assert.Contains("public sealed record CdrSdk.CallRecord : System.IEquatable<CdrSdk.CallRecord>", api);
        Assert.Contains("    public required string Id { get; init; }", api);
        Assert.Contains("    public required CdrSdk.CdrProvider Provider { get; init; }", api);
        Assert.Contains("    public System.DateTimeOffset? StartedAt { get; init; }", api);
        Assert.Contains("    public CdrSdk.Paging.AsyncPageable<CdrSdk.CallRecord> ListAsync(System.DateTimeOffset since, System.DateTimeOffset until, System.Threading.CancellationToken cancellationToken = default)", api);
        Assert.Contains("    public static CdrSdk.ICdrSource AsCdrSource(this CdrSdk.Voiso.IVoisoClient voiso, System.Func<CdrSdk.Voiso.VoisoCdrQuery, CdrSdk.Voiso.VoisoCdrQuery>? configure = null)", api);
        Assert.Contains("public abstract class CdrSdk.Paging.AsyncPageable<T> : System.Collections.Generic.IAsyncEnumerable<T>", api);
        Assert.Contains("public enum CdrSdk.CallOutcome : int", api);
        Assert.Contains("    NoAnswer = 2", api);
        Assert.DoesNotContain(api, l => l.Contains("CdrSdk.Core.Http", StringComparison.Ordinal));
    }

    private static string SourceDirectory() => RepositoryPaths.Combine("tests", "CdrSdk.Tests", "PublicApi");
}
