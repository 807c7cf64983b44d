using CdrSdk.Sync.Tests.Infrastructure;

namespace CdrSdk.Sync.Tests.Tool;

/// <summary><c>cdr sync</c> and <c>cdr sync status</c> end to end, against the embedded emulator.</summary>
public sealed class CliSyncTests
{
    [Theory]
    [InlineData("kazoo")]
    [InlineData("voiso")]
    [InlineData("telnyx")]
    [InlineData("telnyx", "--type", "messages")]
    [InlineData("tsg")]
    [InlineData("tsg", "--type", "MMS")]
    public async Task A_sync_into_duckdb_equals_the_export_of_the_same_range_record_for_record(string provider, params string[] type)
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var store = folder.File("cdr.duckdb");
        string[] range = ["--provider", provider, .. type, "--from", "2026-10-01", "--to", "2026-10-02T12:00:00Z"];

        var sync = await SyncCli.RunAsync(["sync", "--store", "duckdb:" + store, .. range], cancellationToken: ct);
        Assert.True(sync.ExitCode == 0, sync.ToString());
        var export = await SyncCli.RunAsync(["export", .. range, "--out", folder.File("export.jsonl"), "--quiet"], cancellationToken: ct);
        Assert.True(export.ExitCode == 0, export.ToString());

        var exported = ExportLines.FromJsonLines(folder.File("export.jsonl"));
        Assert.True(exported.Count > 300, $"only {exported.Count} records");
        Assert.Equal(exported, ExportLines.FromDuckDb(store));
        Assert.Equal(string.Empty, sync.Output);
        Assert.Contains(sync.ErrorLines, l => l.Contains($"{exported.Count:N0} inserted, 0 updated, 0 unchanged", StringComparison.Ordinal)
            && l.EndsWith(", from the embedded emulator (no address or credentials were given).", StringComparison.Ordinal));
        Assert.Contains("window 2/2 committed up to 2026-10-02 12:00Z", sync.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("cdr: error", sync.Error, StringComparison.Ordinal);

        var again = await SyncCli.RunAsync(["sync", "--store", "duckdb:" + store, .. range], cancellationToken: ct);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Matches(@"\b0 inserted, 0 updated, [1-9][0-9,]* unchanged", again.Error);
        Assert.Equal(exported, ExportLines.FromDuckDb(store));
    }

    [Fact]
    public async Task Status_shows_each_source_as_a_table_and_as_json()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var store = "duckdb:" + folder.File("cdr.duckdb");
        var sync = await SyncCli.RunAsync(["sync", "--store", store, "--provider", "kazoo", "--from", "2026-10-01", "--to", "2026-10-02", "--name", "main", "--quiet"], cancellationToken: ct);
        Assert.True(sync.ExitCode == 0, sync.ToString());
        Assert.Equal(string.Empty, sync.All);

        var table = await SyncCli.RunAsync(["sync", "status", "--store", store], cancellationToken: ct);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Matches(@"│ main +│ kazoo +│ 2026-10-02 00:00:00Z │", table.Output);
        Assert.Contains("succeeded", table.Output, StringComparison.Ordinal);

        var json = await SyncCli.RunAsync(["sync", "status", "--store", store, "--json"], cancellationToken: ct);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        var source = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("main", source.GetProperty("source").GetString());
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero), source.GetProperty("watermark").GetDateTimeOffset());
        Assert.True(source.GetProperty("rows").GetInt64() > 500);
        Assert.Equal(source.GetProperty("rows").GetInt64(), source.GetProperty("last_inserted").GetInt64());
        Assert.Equal("succeeded", source.GetProperty("last_outcome").GetString());
        Assert.True(source.GetProperty("lag_seconds").GetDouble() > 0);
    }

    [Fact]
    public async Task A_resync_reads_a_range_behind_the_watermark_again_and_leaves_the_watermark_where_it_was()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var file = folder.File("cdr.duckdb");
        var store = "duckdb:" + file;
        var sync = await SyncCli.RunAsync(["sync", "--store", store, "--provider", "kazoo", "--from", "2026-10-01", "--to", "2026-10-03", "--name", "main", "-q"], cancellationToken: ct);
        Assert.True(sync.ExitCode == 0, sync.ToString());
        var clean = StoreRows.DuckDb(file);
        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={file}"))
        {
            connection.Open();
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM cdr_records WHERE id IN (SELECT id FROM cdr_records WHERE started_at < '2026-10-01T20:00:00Z' ORDER BY id LIMIT 9)";
            Assert.Equal(9, delete.ExecuteNonQuery());
        }

        var resync = await SyncCli.RunAsync(["sync", "--store", store, "--provider", "kazoo", "--name", "main", "--resync", "--from", "2026-10-01", "--to", "2026-10-02"],
            cancellationToken: ct);

        Assert.True(resync.ExitCode == 0, resync.ToString());
        Assert.Equal(string.Empty, resync.Output);
        Assert.Matches(@"^9 inserted, 0 updated, [1-9][0-9,]* unchanged in [0-9.]+s into duckdb:.*cdr\.duckdb, from the embedded emulator", resync.ErrorLines[^1]);
        Assert.Equal(clean, StoreRows.DuckDb(file));
        var status = await SyncCli.RunAsync(["sync", "status", "--store", store, "--json"], cancellationToken: ct);
        Assert.Equal(string.Empty, status.Error);
        using var document = System.Text.Json.JsonDocument.Parse(status.Output);
        var source = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal(new DateTimeOffset(2026, 10, 3, 0, 0, 0, TimeSpan.Zero), source.GetProperty("watermark").GetDateTimeOffset());
        Assert.Equal(9, source.GetProperty("last_inserted").GetInt64());
    }
}
