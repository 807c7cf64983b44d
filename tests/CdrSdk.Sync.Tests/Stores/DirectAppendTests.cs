using System.Text;
using CdrSdk.Sync.Records;
using CdrSdk.Sync.Stores;
using CdrSdk.Sync.Stores.Postgres;
using CdrSdk.Sync.Tests.Infrastructure;

namespace CdrSdk.Sync.Tests.Stores;

/// <summary>
/// Rows of a window assumed new go straight into <c>cdr_records</c> inside the lane's open transaction (DuckDB's
/// appender, PostgreSQL's <c>COPY</c>): a batch discarded before its commit leaves no row, even after the appender
/// flushed rows into the transaction; a committed one leaves each row once, counted as inserted; a row of the
/// batch stored already rolls the whole batch back.
/// </summary>
public sealed class DirectAppendTests
{
    private const string Source = "direct";
    private const string Owner = "worker";
    private static readonly SyncWindow Window = new(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero));
    private readonly PostgresServer _postgres;

    public DirectAppendTests(PostgresServer postgres)
    {
        _postgres = postgres;
    }

    public static TheoryData<string> Kinds => ["duckdb", "postgres"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_batch_appended_straight_in_and_discarded_leaves_no_row_and_a_committed_one_each_row_once(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = await TestStore.CreateAsync(kind, _postgres);
        await using (var opened = store.Open())
        {
            var writer = await OpenAsync(opened, ct);
            await using (writer)
            {
                // 95 rows with a batch size of 40: DuckDB's appender flushes every 10 rows into the open transaction, and
                // holds the last 5 (cleared, never flushed, by the discard).
                await AppendAsync(writer, 0, 95, ct);
                await writer.DiscardAsync(ct);
                await AppendAsync(writer, 100, 190, ct);
                var counts = await writer.CommitAsync(new SyncCheckpoint(Window, "page-2", null, Owner, DateTimeOffset.UtcNow), ct);
                Assert.Equal(new CdrSyncCounts(90, 0, 0), counts);
            }
        }

        var ids = store.Rows().Select(r => r.Split('|')[2]).ToList();
        Assert.Equal(Enumerable.Range(100, 90).Select(Id).Order(StringComparer.Ordinal), ids);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_batch_appended_straight_in_with_a_stored_key_is_rolled_back_whole(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = await TestStore.CreateAsync(kind, _postgres);
        await using (var opened = store.Open())
        {
            var writer = await OpenAsync(opened, ct);
            await using (writer)
            {
                await AppendAsync(writer, 0, 10, ct);
                Assert.Equal(new CdrSyncCounts(10, 0, 0), await writer.CommitAsync(new SyncCheckpoint(Window, "page-1", null, Owner, DateTimeOffset.UtcNow), ct));

                // Rows 10-49 are new, 5 is stored: wherever the store finds it (a flush, the commit), nothing of the batch stays.
                await Assert.ThrowsAsync<SyncKeyConflictException>(async () =>
                {
                    await AppendAsync(writer, 10, 50, ct);
                    await AppendAsync(writer, 5, 6, ct);
                    await writer.CommitAsync(new SyncCheckpoint(Window, "page-2", null, Owner, DateTimeOffset.UtcNow), ct);
                });
                await writer.DiscardAsync(ct);
                var state = await opened.ReadStateAsync(Source, ct);
                Assert.Equal("page-1", state!.InFlightToken);
            }
        }

        Assert.Equal(10, store.Rows().Count);
    }

    [Fact]
    public async Task A_PostgreSQL_batch_copied_straight_in_waits_for_the_commit_before_it_which_writes_one_of_its_keys()
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = await TestStore.CreateAsync("postgres", _postgres);
        await using var opened = store.Open();
        await using (await OpenAsync(opened, ct))
        {
        }

        await using var earlier = await PostgresLane.CreateAsync(await ConnectAsync(store, ct), Source, "kazoo", TimeProvider.System, ct);
        await using var next = await PostgresLane.CreateAsync(await ConnectAsync(store, ct), Source, "kazoo", TimeProvider.System, ct);

        // The earlier batch is staged (a window before the watermark) and merged at its commit; the next one, assumed
        // new, lists one of its records too. As the lane writer does, the next commit waits for the earlier one.
        await earlier.AppendAsync(Row(5), assumeNew: false, previousCommit: null, ct);
        var startMerge = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var merge = Task.Run(async () =>
        {
            await startMerge.Task;
            return await earlier.CommitAsync(new SyncCheckpoint(Window, "page-1", null, Owner, DateTimeOffset.UtcNow), ct);
        }, ct);
        var copied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var copy = Task.Run(async () =>
        {
            // More rows than the client's write buffer and the server's COPY buffer (1,000 rows) hold, so that the shared
            // key is in the table's index before the merge runs.
            foreach (var i in Enumerable.Range(100, 2500).Prepend(5))
            {
                await next.AppendAsync(Row(i), assumeNew: true, merge, ct);
            }

            copied.SetResult();
            await merge;
            return await next.CommitAsync(new SyncCheckpoint(Window, "page-2", null, Owner, DateTimeOffset.UtcNow), ct);
        }, ct);

        // The merge starts once the rows were copied, or after a second of the copy waiting for it.
        await Task.WhenAny(copied.Task, Task.Delay(TimeSpan.FromSeconds(1), ct));
        startMerge.SetResult();
        Assert.True(await Task.WhenAny(merge, Task.Delay(TimeSpan.FromSeconds(20), ct)) == merge, "the merge waited for the key the next batch had copied in");
        Assert.Equal(new CdrSyncCounts(1, 0, 0), await merge);
        await Assert.ThrowsAsync<SyncKeyConflictException>(() => copy);
        var state = await opened.ReadStateAsync(Source, ct);
        Assert.Equal("page-1", state!.InFlightToken);
        Assert.Equal([Id(5)], store.Rows().Select(r => r.Split('|')[2]));
    }

    private static async Task<Npgsql.NpgsqlConnection> ConnectAsync(TestStore store, CancellationToken ct)
    {
        var connection = new Npgsql.NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private static async Task<ISyncBatchWriter> OpenAsync(CdrSyncStore store, CancellationToken ct)
    {
        await store.InitializeAsync(ct);
        await store.PrepareSourceAsync(Source, "kazoo", ct);
        Assert.True(await store.TryAcquireLeaseAsync(Source, Owner, TimeSpan.FromMinutes(1), ct));
        var writer = await store.OpenWriterAsync(Source, "kazoo", new WriterSettings(40, TimeProvider.System), ct);
        writer.AssumeNew = true;
        return writer;
    }

    private static async Task AppendAsync(ISyncBatchWriter writer, int from, int to, CancellationToken ct)
    {
        for (var i = from; i < to; i++)
        {
            await writer.AppendAsync(Row(i), ct);
        }
    }

    private static string Id(int i) => $"call-{i:D4}";

    private static SyncRow Row(int i) => new()
    {
        Provider = "kazoo",
        Source = Source,
        Id = Id(i),
        Kind = "call",
        Direction = "outbound",
        From = "+15550100",
        To = "+15550199",
        StartedAt = Window.Start.AddMinutes(i),
        Outcome = "answered",
        Record = Encoding.UTF8.GetBytes($$"""{"id":"{{Id(i)}}"}"""),
        ContentHash = i,
    };
}
