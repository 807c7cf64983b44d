namespace CdrSdk.Tests.Infrastructure;

/// <summary>
/// Finds the repository from the test assembly's output folder. Source paths baked in at compile time
/// (<c>CallerFilePath</c>) cannot be used: deterministic CI builds map them to <c>/_/</c>.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds <c>CdrSdk.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path inside the repository.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CdrSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CdrSdk.sln above the test output folder {AppContext.BaseDirectory}.");
    }
}
