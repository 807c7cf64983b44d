using CdrSdk.Sync.Stores;
using CdrSdk.Sync.Stores.DuckDb;
using CdrSdk.Sync.Tests.Infrastructure;
using DuckDB.NET.Data;

namespace CdrSdk.Sync.Tests.Stores;

/// <summary>
/// The DuckDB file's format: a new store is written in a storage version where the provider JSON is zstd-compressed,
/// a file made in DuckDB's older default format (before that choice) still opens, migrates and syncs, and the JSON
/// keeps the provider's own field names.
/// </summary>
public sealed class DuckDbFileTests : IClassFixture<EmulatorFixture>
{
    private static readonly DateTimeOffset From = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 10, 1, 6, 0, 0, TimeSpan.Zero);
    private readonly EmulatorFixture _fixture;

    public DuckDbFileTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task A_new_store_keeps_the_provider_json_zstd_compressed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var file = folder.File("cdr.duckdb");
        var expected = await SyncAsync(file, ct);

        using var connection = Open(file);
        Assert.Equal(expected, Scalar<long>(connection, "SELECT count(*) FROM cdr_records"));
        var compressions = Strings(connection, "SELECT DISTINCT compression FROM pragma_storage_info('cdr_records') WHERE column_name = 'record' AND segment_type <> 'VALIDITY'");
        Assert.Equal(["ZSTD"], compressions);
    }

    [Theory]
    [InlineData(null, "61.0 MiB")]
    [InlineData("256MB", "244.1 MiB")]
    public async Task A_store_runs_with_a_64MB_memory_limit_unless_one_is_set(string? limit, string inEffect)
    {
        using var folder = new TempFolder();
        await using var store = (DuckDbStore)CdrSyncStore.Open("duckdb:" + folder.File("cdr.duckdb"), new CdrSyncOptions { DuckDbMemoryLimit = limit });
        await store.InitializeAsync(TestContext.Current.CancellationToken);

        Assert.Equal(inEffect, store.MemoryLimitInEffect());
    }

    [Fact]
    public async Task A_file_in_the_older_storage_format_still_opens_and_syncs()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var file = folder.File("cdr.duckdb");
        using (var old = Open(file))
        {
            // DuckDB's own default format for a new file, as a store made before the storage version was set has it.
            Execute(old, "CREATE TABLE unrelated (x INTEGER); INSERT INTO unrelated VALUES (42); CHECKPOINT");
        }

        var expected = await SyncAsync(file, ct);
        var again = await SyncAsync(file, ct);

        using var connection = Open(file);
        Assert.Equal(0, again);
        Assert.Equal(expected, Scalar<long>(connection, "SELECT count(*) FROM cdr_records"));
        Assert.Equal(42, Scalar<int>(connection, "SELECT x FROM unrelated"));
        Assert.Equal(expected, Scalar<long>(connection, "SELECT count(*) FROM cdr_records WHERE json_extract_string(record, '$.id') = id"));
    }

    [Fact]
    public async Task Tsg_records_keep_tsg_s_own_camel_case_field_names()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var file = folder.File("cdr.duckdb");
        var expected = await SyncAsync(file, ct, client => client.Tsg.AsCdrSource(Tsg.TsgCdrType.Voice));

        using var connection = Open(file);
        Assert.Equal(expected, Scalar<long>(connection, "SELECT count(*) FROM cdr_records WHERE json_extract_string(record, '$.callId') = id"));
        Assert.Equal(expected, Scalar<long>(connection, "SELECT count(*) FROM cdr_records WHERE json_extract_string(record, '$.sourceAni') = from_number"));
        Assert.Equal(0, Scalar<long>(connection, "SELECT count(*) FROM cdr_records WHERE json_exists(record, '$.call_id') OR json_exists(record, '$.source_ani')"));
    }

    /// <summary>Syncs the range of Kazoo's (or another) source into the file; returns how many records were inserted (all of the range's into an empty store).</summary>
    private async Task<long> SyncAsync(string file, CancellationToken ct, Func<CdrClient, ICdrSource>? records = null)
    {
        await using var client = _fixture.Client();
        var source = new CdrSyncSource { Name = "main", Records = records?.Invoke(client) ?? client.Kazoo.AsCdrSource(EmulatorFixture.KazooAccount), Start = From, End = To };
        var count = await source.Records.ListAsync(From, To, ct).CountAsync(ct);
        Assert.True(count > 100, $"only {count} records in the range");
        await using var store = CdrSyncStore.Open("duckdb:" + file);
        using var engine = new CdrSyncEngine(store);
        var result = (await engine.RunAsync([source], cancellationToken: ct)).Sources.Single();
        Assert.True(result.Outcome == CdrSyncOutcome.Succeeded, result.Error);
        Assert.Equal(0, result.Counts.Updated);
        if (result.Counts.Inserted > 0)
        {
            Assert.Equal(new CdrSyncCounts(count, 0, 0), result.Counts);
        }
        else
        {
            Assert.True(result.Counts.Unchanged > 0, "the lookback re-read nothing");
        }

        return result.Counts.Inserted;
    }

    private static DuckDBConnection Open(string file)
    {
        var connection = new DuckDBConnection($"Data Source={file}");
        connection.Open();
        return connection;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
