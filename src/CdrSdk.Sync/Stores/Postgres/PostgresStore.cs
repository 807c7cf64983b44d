using CdrSdk.Sync.Records;
using Npgsql;

namespace CdrSdk.Sync.Stores.Postgres;

/// <summary>
/// A PostgreSQL database shared by any number of workers: each source's row of <c>cdr_sync_state</c> carries a
/// lease (owner and expiry, taken with <c>FOR UPDATE SKIP LOCKED</c>), and every commit checks it still holds it.
/// </summary>
internal sealed class PostgresStore : CdrSyncStore
{
    private const string Acquire = """
        UPDATE cdr_sync_state SET lease_owner = @owner, lease_expires_at = clock_timestamp() + @duration
        WHERE source = (SELECT source FROM cdr_sync_state
                        WHERE source = @source AND (lease_owner = @owner OR lease_expires_at IS NULL OR lease_expires_at < clock_timestamp())
                        FOR UPDATE SKIP LOCKED)
        RETURNING source
        """;

    private const string Renew = """
        UPDATE cdr_sync_state SET lease_expires_at = clock_timestamp() + @duration WHERE source = @source AND lease_owner = @owner RETURNING source
        """;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresStore(StoreLocation location)
        : base(location.Display)
    {
        var builder = new NpgsqlDataSourceBuilder(location.Target);
        builder.ConnectionStringBuilder.ApplicationName ??= "cdr sync";
        _dataSource = builder.Build();
    }

    public override bool IsShared => true;

    internal override bool CommitsWithinWindow => true;

    public override async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await PostgresMigrator.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // Npgsql's messages name the host and the server's error, never the password.
            throw new CdrSyncException($"Cannot reach the PostgreSQL store {Location}: {ex.Message}", ex) { BeforeAnyWrite = true };
        }
    }

    public override async Task<IReadOnlyList<CdrSyncSourceStatus>> GetStatusAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = new Dictionary<string, long>(StringComparer.Ordinal);
            var count = PgSql.Command(connection, "SELECT source, count(*) FROM cdr_records GROUP BY source", null);
            await using (count.ConfigureAwait(false))
            {
                var reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows[reader.GetString(0)] = reader.GetInt64(1);
                    }
                }
            }

            var states = await ReadStatesAsync(connection, null, cancellationToken).ConfigureAwait(false);
            return states.Select(s => s.ToStatus(rows.GetValueOrDefault(s.Source), now)).ToList();
        }
    }

    internal override async Task<SourceState> PrepareSourceAsync(string source, string provider, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await PgSql.ExecuteAsync(connection, "INSERT INTO cdr_sync_state (source, provider, updated_at) VALUES (@source, @provider, now()) ON CONFLICT DO NOTHING",
                cancellationToken, null, ("source", source), ("provider", provider)).ConfigureAwait(false);
            return (await ReadStatesAsync(connection, source, cancellationToken).ConfigureAwait(false))[0];
        }
    }

    internal override async Task<SourceState?> ReadStateAsync(string source, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return (await ReadStatesAsync(connection, source, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        }
    }

    internal override Task<bool> TryAcquireLeaseAsync(string source, string owner, TimeSpan duration, CancellationToken cancellationToken) =>
        LeaseAsync(Acquire, source, owner, duration, cancellationToken);

    internal override Task<bool> RenewLeaseAsync(string source, string owner, TimeSpan duration, CancellationToken cancellationToken) =>
        LeaseAsync(Renew, source, owner, duration, cancellationToken);

    internal override Task ReleaseLeaseAsync(string source, string owner, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE cdr_sync_state SET lease_expires_at = NULL WHERE source = @source AND lease_owner = @owner", cancellationToken,
            ("source", source), ("owner", owner));

    internal override Task RecordRunStartAsync(string source, string owner, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE cdr_sync_state SET last_run_started_at = @at, last_run_finished_at = NULL, last_outcome = 'running', last_error = NULL, updated_at = @at
            WHERE source = @source AND lease_owner = @owner
            """, cancellationToken, ("at", at), ("source", source), ("owner", owner));

    internal override Task RecordRunEndAsync(string source, string owner, RunRecord run, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE cdr_sync_state SET last_run_finished_at = @at, last_outcome = @outcome, last_error = @error,
                last_inserted = @inserted, last_updated = @updated, last_unchanged = @unchanged, updated_at = @at
            WHERE source = @source AND lease_owner = @owner
            """, cancellationToken, ("at", run.FinishedAt), ("outcome", RecordWords.Of(run.Outcome)), ("error", run.Error), ("inserted", run.Counts.Inserted),
            ("updated", run.Counts.Updated), ("unchanged", run.Counts.Unchanged), ("source", source), ("owner", owner));

    internal override async Task<ISyncBatchWriter> OpenWriterAsync(string source, string provider, WriterSettings settings, CancellationToken cancellationToken)
    {
        var first = await OpenLaneAsync(source, provider, settings, cancellationToken).ConfigureAwait(false);
        try
        {
            return new LaneWriter(first, await OpenLaneAsync(source, provider, settings, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await first.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<PostgresLane> OpenLaneAsync(string source, string provider, WriterSettings settings, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PostgresLane.CreateAsync(connection, source, provider, settings.Time, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override ValueTask DisposeAsyncCore() => _dataSource.DisposeAsync();

    private static async Task<List<SourceState>> ReadStatesAsync(NpgsqlConnection connection, string? source, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {SyncColumns.State} FROM cdr_sync_state" + (source is null ? " ORDER BY source" : " WHERE source = @source");
        var command = PgSql.Command(connection, sql, null, source is null ? [] : [("source", source)]);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var states = new List<SourceState>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    states.Add(StateReader.Read(reader));
                }

                return states;
            }
        }
    }

    private async Task<bool> LeaseAsync(string sql, string source, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = PgSql.Command(connection, sql, null, ("owner", owner), ("duration", duration), ("source", source));
            await using (command.ConfigureAwait(false))
            {
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string;
            }
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await PgSql.ExecuteAsync(connection, sql, cancellationToken, null, parameters).ConfigureAwait(false);
        }
    }
}
