using Npgsql;

namespace CdrSdk.Sync.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of the test assembly (<see cref="LocalPostgres"/>): started once, stopped and its folder
/// removed when the tests end, also when they fail.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Password = LocalPostgres.Password;
    private static int s_databases;
    private readonly LocalPostgres _server = new();

    public int Port => _server.Port;

    public ValueTask InitializeAsync()
    {
        _server.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _server.Stop();
        return ValueTask.CompletedTask;
    }

    /// <summary>A new empty database and a connection string to it (with the password).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"cdr_test_{Environment.ProcessId}_{Interlocked.Increment(ref s_databases)}";
        await using var connection = new NpgsqlConnection(_server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return _server.ConnectionString(name);
    }
}
