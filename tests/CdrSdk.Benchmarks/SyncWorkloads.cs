using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Sync.Tests.Infrastructure;
using CdrSdk.Tool.Commands;
using CdrSdk.Tool.Export;
using DuckDB.NET.Data;
using Npgsql;
using Spectre.Console;

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

    public static bool Handles(string name) => name is "export-csv" or "sync-duckdb" or "sync-postgres";

    public static Func<Uri, long, Task<long>> Get(string name) => name switch
    {
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
        var folder = Path.Combine(Path.GetTempPath(), $"cdrsdk-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string store;
            string? connection = null;
            if (postgres)
            {
                var name = $"bench_{Environment.ProcessId}_{Interlocked.Increment(ref s_database)}";
                await using (var admin = new NpgsqlConnection(Postgres.Value.AdminConnectionString))
                {
                    await admin.OpenAsync();
                    await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                    await create.ExecuteNonQueryAsync();
                }

                connection = Postgres.Value.ConnectionString(name);
                store = "postgres:" + connection;
            }
            else
            {
                store = "duckdb:" + Path.Combine(folder, "cdr.duckdb");
            }

            await RunAsync(["sync", "--store", store, .. Range(address, count)]);
            return postgres ? await CountPostgresAsync(connection!) : CountDuckDb(Path.Combine(folder, "cdr.duckdb"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunAsync(string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(TextWriter.Null) });
        var root = CdrCommand.Create(console, new ProviderEnvironment(_ => null), Path.Combine(Path.GetTempPath(), "cdrsdk-bench-emulator"));
        var error = new StringWriter();
        var code = await root.Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = TextWriter.Null, Error = error });
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
