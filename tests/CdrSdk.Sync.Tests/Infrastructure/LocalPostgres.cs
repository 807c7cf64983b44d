using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CdrSdk.Sync.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the machine's installation (15 preferred): <c>initdb</c> into a
/// temporary folder owned by <c>postgres</c> (the tests run as root; as another user they run it as themselves),
/// password authentication on a free loopback port, <c>pg_ctl -w</c>. It is stopped and its folder removed at the
/// end, also when tests fail, and when the process exits; servers left by a killed earlier run are stopped first.
/// </summary>
public sealed class LocalPostgres : IDisposable
{
    public const string Password = "pg-test-secret-7f3a9c";
    private const string Prefix = "cdrsdk-pg-";
    private string? _folder;

    public int Port { get; private set; }

    public string Bin { get; } = FindBin();

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password};Database=postgres;Pooling=false;Timeout=10";

    /// <summary>A connection string to one of the server's databases, with the password.</summary>
    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password};Database={database}";

    /// <summary>The server's main process (postmaster), from the first line of its <c>postmaster.pid</c>; null when it is not running.</summary>
    public int? ServerProcessId =>
        _folder is { } folder && File.Exists(Path.Combine(folder, "data", "postmaster.pid"))
            && int.TryParse(File.ReadLines(Path.Combine(folder, "data", "postmaster.pid")).FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;

    public void Start()
    {
        StopLeftovers();
        _folder = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..10]);
        var data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(_folder);
        var passwordFile = Path.Combine(_folder, "password");
        File.WriteAllText(passwordFile, Password);
        Own(_folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();

        Run("initdb", "-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--no-sync");
        Port = FreePort();
        Run("pg_ctl", "-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start");
    }

    public void Dispose() => Stop();

    public void Stop()
    {
        var folder = Interlocked.Exchange(ref _folder, null);
        if (folder is null)
        {
            return;
        }

        try
        {
            Run("pg_ctl", "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Not running (it never started, or it was stopped already).
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is in the temporary directory.
        }
    }

    /// <summary>Stops servers a killed earlier test run left behind (their folders are ours by name).</summary>
    private void StopLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")) && File.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1))
            {
                try
                {
                    Run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop");
                }
                catch (InvalidOperationException)
                {
                    // Not running.
                }
            }

            if (!File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another test run's, in use.
                }
            }
        }
    }

    private void Run(string tool, params string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(Bin, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asRoot)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", Path.Combine(Bin, tool) })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output.Result} {error.Result}");
        }
    }

    private static void Own(string folder)
    {
        if (Environment.UserName == "root")
        {
            using var chown = Process.Start("chown", ["-R", "postgres:postgres", folder]);
            chown.WaitForExit();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindBin()
    {
        var preferred = "/usr/lib/postgresql/15/bin";
        if (File.Exists(Path.Combine(preferred, "pg_ctl")))
        {
            return preferred;
        }

        var any = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).Order().LastOrDefault()
            : null;
        return any ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl): apt-get install postgresql-15 (.ci/run does this).");
    }
}
