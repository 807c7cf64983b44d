using System.Reflection;
using PublicApiGenerator;

namespace CdrSdk.Tests.PublicApi;

/// <summary>
/// A package's public surface rendered by PublicApiGenerator and checked against the PublicAPI.approved.txt next to its
/// test (shared by the SDK's and the sync package's tests): any change to a public type or member fails until the
/// approved file is updated on purpose and the change is named in CHANGELOG.md.
/// </summary>
internal static class PublicApiSnapshot
{
    /// <summary>
    /// PublicApiGenerator skips the System and Microsoft namespaces by default; the <c>AddCdrClient</c> and
    /// <c>AddCdrSync</c> extensions live in Microsoft.Extensions.DependencyInjection (where DI users look for them), so
    /// that one is allowed.
    /// </summary>
    private static readonly ApiGeneratorOptions Options = new()
    {
        AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
        IncludeAssemblyAttributes = false,
    };

    /// <summary>The public API of <paramref name="assembly"/> as the snapshot holds it.</summary>
    public static string Render(Assembly assembly) => assembly.GeneratePublicApi(Options).ReplaceLineEndings("\n");

    /// <summary>
    /// Fails, writing PublicAPI.received.txt beside the approved file and listing the first changed lines, when the
    /// rendered API of <paramref name="assembly"/> differs from <paramref name="directory"/>/PublicAPI.approved.txt.
    /// </summary>
    public static void AssertApproved(Assembly assembly, string directory)
    {
        var approvedPath = Path.Combine(directory, "PublicAPI.approved.txt");
        var receivedPath = Path.Combine(directory, "PublicAPI.received.txt");
        var received = Render(assembly);
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
            $"The public API of {assembly.GetName().Name} changed. If that is intended, replace PublicAPI.approved.txt with PublicAPI.received.txt "
            + $"(both in {directory}), update CHANGELOG.md, and commit them together.{Environment.NewLine}"
            + string.Join(Environment.NewLine, removed.Concat(added)));
    }
}
