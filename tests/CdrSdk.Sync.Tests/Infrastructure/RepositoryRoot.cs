namespace CdrSdk.Sync.Tests.Infrastructure;

/// <summary>The repository, found from the test output folder (compile-time source paths are mapped away in CI builds).</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> LazyPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CdrSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CdrSdk.sln above the test output folder {AppContext.BaseDirectory}.");
    });

    /// <summary>The folder that holds <c>CdrSdk.sln</c>.</summary>
    public static string Path => LazyPath.Value;

    /// <summary>A path inside the repository.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
