using DuckDB.NET.Data;

namespace CdrSdk.Sync.Stores.DuckDb;

/// <summary>
/// The commits of one DuckDB store, one at a time, each followed by a checkpoint of the file: the primary key's index
/// is then on disk and can leave memory, which keeps memory flat however large the table grows. DuckDB refuses a
/// checkpoint while another transaction has written (another source's batch appended straight into
/// <c>cdr_records</c>); the checkpoint is then <see cref="Due"/>, and lanes stage their next batches (their
/// transactions are open only while they commit, under this gate) until one succeeds.
/// </summary>
internal sealed class DuckDbCommits : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Action _checkpoint;
    private volatile bool _due;

    /// <param name="checkpoint">Checkpoints the file; throws <see cref="DuckDBException"/> when DuckDB cannot now.</param>
    public DuckDbCommits(Action checkpoint)
    {
        _checkpoint = checkpoint;
    }

    /// <summary>Whether the last checkpoint was refused: batches should not hold a transaction open until one succeeds.</summary>
    public bool Due => _due;

    /// <summary>Runs <paramref name="commit"/> once no other commit of the store runs, then checkpoints.</summary>
    public async Task<T> RunAsync<T>(Func<T> commit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = commit();
            Checkpoint();
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private void Checkpoint()
    {
        try
        {
            _checkpoint();
            _due = false;
        }
        catch (DuckDBException)
        {
            // Another transaction has written; DuckDB also checkpoints by itself once its log grows and it can.
            _due = true;
        }
    }
}
