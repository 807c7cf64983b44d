using System.Diagnostics;
using CdrSdk.Sync.Tests.Infrastructure;

namespace CdrSdk.Sync.Tests.Packaging;

/// <summary>
/// Copies the sources of CdrSdk and CdrSdk.Sync into a fresh git repository with a GitHub remote and packs both once
/// (Release, ContinuousIntegrationBuild) for all the package tests.
/// </summary>
public sealed class PackedSync : IAsyncLifetime
{
    public const string Repository = "https://github.com/cdrsdk/cdrsdk.git";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cdrsdk-sync-pack-" + Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "nuget.config", "README.md", "LICENSE", ".editorconfig" })
        {
            File.Copy(RepositoryRoot.Combine(file), Path.Combine(_directory, file));
        }

        foreach (var folder in new[] { "src/CdrSdk", "src/CdrSdk.Sync", "assets" })
        {
            CopySources(RepositoryRoot.Combine(folder.Split('/')), Path.Combine(_directory, folder));
        }

        await RunAsync("git", "init -q");
        await RunAsync("git", "add -A");
        await RunAsync("git", "-c user.name=pack -c user.email=pack@cdrsdk.test commit -q -m pack");
        await RunAsync("git", "remote add origin " + Repository);
        Commit = (await RunAsync("git", "rev-parse HEAD")).Output.Trim();

        // Packing CdrSdk.Sync builds CdrSdk too; packing CdrSdk after it reuses that build.
        var sync = await RunAsync("dotnet", "pack src/CdrSdk.Sync/CdrSdk.Sync.csproj -c Release -o out -p:ContinuousIntegrationBuild=true -nologo", check: false);
        var sdk = sync.ExitCode == 0
            ? await RunAsync("dotnet", "pack src/CdrSdk/CdrSdk.csproj -c Release -o out -p:ContinuousIntegrationBuild=true -nologo --no-build", check: false)
            : (ExitCode: 0, Output: string.Empty);
        ExitCode = sync.ExitCode != 0 ? sync.ExitCode : sdk.ExitCode;
        Log = sync.Output + sdk.Output;
    }

    public string Commit { get; private set; } = string.Empty;

    public int ExitCode { get; private set; }

    public string Log { get; private set; } = string.Empty;

    /// <summary>The <c>.nupkg</c> of a package (its <c>.snupkg</c> lies next to it).</summary>
    public string Package(string id) => Path.Combine(_directory, "out", $"{id}.{typeof(CdrClient).Assembly.GetName().Version!.ToString(3)}.nupkg");

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temporary directory is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }

    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string program, string arguments, bool check = true)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException ex)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {arguments} did not finish in 10 minutes.", ex);
        }

        var text = await output + await error;
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {text}");
        }

        return (process.ExitCode, text);
    }
}
