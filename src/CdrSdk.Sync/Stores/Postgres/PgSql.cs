using Npgsql;

namespace CdrSdk.Sync.Stores.Postgres;

/// <summary>Small helpers for Npgsql commands.</summary>
internal static class PgSql
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
#pragma warning disable CA2100 // The SQL is built from constants of this library; values go in parameters.
        var command = new NpgsqlCommand(sql, connection, transaction);
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null,
        params (string Name, object? Value)[] parameters)
    {
        var command = Command(connection, sql, transaction, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
