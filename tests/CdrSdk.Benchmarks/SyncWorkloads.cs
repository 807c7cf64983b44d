using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Sync.Tests.Infrastructure;
using CdrSdk.Tool.Commands;
using CdrSdk.Tool.Export;
using CdrSdk.Tool.Terminal;
using DuckDB.NET.Data;
using Npgsql;

namespace CdrSdk.Benchmarks;

/// <summary>
/// The sync scenario's workloads, each the <c>cdr</c> command a user runs, in-process: <c>cdr export</c> of Kazoo
/// legs to CSV, and <c>cdr sync</c> of the same legs (the same range from the same server, 1000 per page) into a
/// fresh DuckDB file or a fresh PostgreSQL database (a server of the machine's installation, started by this process).
/// </summary>
internal static class SyncWorkloads
{
    private static readonly DateTimeOffset From = EmulatorDataSet.Epoch.AddDays(1);
    private static readonly Lazy<LocalPostgres> Postgres = new(() =>
    {
        var server = new LocalPostgres();
        server.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    });

    private static int s_database;

    /// <summary>The PostgreSQL server's main process once a workload has started it, so its CPU can be read beside the client's.</summary>
    public static int? DatabaseServerProcessId => Postgres.IsValueCreated ? Postgres.Value.ServerProcessId : null;

    /// <summary>The sync scenario's workloads, and the store-only ones of <see cref="StoreWorkloads"/>.</summary>
    public static bool Handles(string name) => name is "export-csv" or "sync-duckdb" or "sync-postgres" || StoreWorkloads.Handles(name);

    public static Func<Uri, long, Task<long>> Get(string name) => name switch
    {
        _ when StoreWorkloads.Handles(name) => StoreWorkloads.Get(name),
        "export-csv" => ExportAsync,
        "sync-duckdb" => (address, count) => SyncAsync(address, count, postgres: false),
        _ => (address, count) => SyncAsync(address, count, postgres: true),
    };

    /// <summary>The legs of account 0 per hour of the data set the harness server serves (5000 calls an hour).</summary>
    private static double LegsPerHour { get; } = new KazooDataSet(new EmulatorDataSet(new CdrEmulatorOptions().Seed, 5000, 5000))
        .Legs(KazooDataSet.AccountIds[0], null, Kazoo.GregorianTime.FromDateTimeOffset(From), Kazoo.GregorianTime.FromDateTimeOffset(From.AddHours(24)) - 1, ascending: true)
        .Count() / 24.0;

    private static string[] Range(Uri address, long count) =>
    [
        "--provider", "kazoo", "--from", From.ToString("O"), "--to", From.AddHours(Math.Max(1, Math.Round(count / LegsPerHour))).ToString("O"),
        "--base-url", new Uri(address, "v2").ToString(), "--api-key", new CdrEmulatorOptions().KazooApiKey, "--account-id", KazooDataSet.AccountIds[0],
        "--page-size", "1000", "--quiet",
    ];

    private static async Task<long> ExportAsync(Uri address, long count)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cdrsdk-bench-{Guid.NewGuid():N}.csv");
        try
        {
            await RunAsync(["export", .. Range(address, count), "--out", file]);
            return File.ReadLines(file).LongCount() - 1;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<long> SyncAsync(Uri address, long count, bool postgres)
    {
        await using var store = await FreshStoreAsync(postgres);
        await RunAsync(["sync", "--store", store.Location, .. Range(address, count)]);
        return await store.CountAsync();
    }

    /// <summary>A fresh, empty store: a DuckDB file in a new folder, or a new database of the local PostgreSQL server.</summary>
    internal static async Task<BenchStore> FreshStoreAsync(bool postgres)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cdrsdk-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (!postgres)
        {
            return new BenchStore("duckdb:" + Path.Combine(folder, "cdr.duckdb"), folder, null);
        }

        var name = $"bench_{Environment.ProcessId}_{Interlocked.Increment(ref s_database)}";
        await using (var admin = new NpgsqlConnection(Postgres.Value.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connection = Postgres.Value.ConnectionString(name);
        return new BenchStore("postgres:" + connection, folder, connection);
    }

    /// <summary>A store made for one measured run; disposing it removes its folder.</summary>
    internal sealed record BenchStore(string Location, string Folder, string? PostgresConnection) : IAsyncDisposable
    {
        public async Task<long> CountAsync() =>
            PostgresConnection is { } connection ? await CountPostgresAsync(connection) : CountDuckDb(Path.Combine(Folder, "cdr.duckdb"));

        public ValueTask DisposeAsync()
        {
            Directory.Delete(Folder, recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    private static async Task RunAsync(string[] args)
    {
        var error = new StringWriter();
        var host = new CliHost
        {
            Out = TextWriter.Null,
            Error = error,
            OpenStandardOutput = () => Stream.Null,
            Environment = new ProviderEnvironment(_ => null),
            EmulatorState = Path.Combine(Path.GetTempPath(), "cdrsdk-bench-emulator"),
        };
        var code = await CdrInvocation.RunAsync(CdrCommand.Create(host), host, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"cdr {args[0]} exited with {code}: {error}");
        }
    }

    private static long CountDuckDb(string file)
    {
        using var connection = new DuckDBConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM cdr_records";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<long> CountPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM cdr_records", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
