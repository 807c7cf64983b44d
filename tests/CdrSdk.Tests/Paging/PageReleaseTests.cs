using CdrSdk.Paging;

namespace CdrSdk.Tests.Paging;

/// <summary>The test collection of tests that force a full garbage collection: run alone, so they pause no other test's timing.</summary>
[CollectionDefinition(nameof(ForcedCollectionTests), DisableParallelization = true)]
public sealed class ForcedCollectionTests;

/// <summary>What <see cref="RecordEnumerator{T}"/> keeps alive while it awaits the next page.</summary>
[Collection(nameof(ForcedCollectionTests))]
public sealed class PageReleaseTests
{
    [Fact]
    public async Task A_read_page_is_released_before_the_next_one_is_awaited()
    {
        // A caller holds one page at a time: while page 2 is fetched (and parsed, allocating), page 1 must be
        // collectable, or every collection during the fetch copies two pages of records instead of one.
        var pages = new GatedPages();
        var records = new RecordEnumerator<object>(pages);
        var firstPage = await ReadWholePageAsync(records, pages);

        var next = records.MoveNextAsync();
        Assert.False(next.IsCompleted);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(firstPage.IsAlive);
        pages.Deliver(Page<object>.FromValues(["second"], null));
        Assert.True(await next);
        Assert.Equal("second", records.Current);
        var end = records.MoveNextAsync();
        pages.Finish();
        Assert.False(await end);
    }

    /// <summary>Delivers a one-record page and reads it; returns a weak reference to its values (no local of the test keeps them).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> ReadWholePageAsync(RecordEnumerator<object> records, GatedPages pages)
    {
        var values = new List<object> { new() };
        var weak = new WeakReference(values);
        var step = records.MoveNextAsync();
        pages.Deliver(Page<object>.FromValues(values, "2"));
        Assert.True(await step);
        Assert.Same(values[0], records.Current);
        return weak;
    }

    /// <summary>
    /// Pages handed in by the test one at a time; the source itself drops each page once the next is asked for.
    /// Continuations run inline, so no other thread is still inside the enumerator when the test collects.
    /// </summary>
    private sealed class GatedPages : IAsyncEnumerator<Page<object>>
    {
        private TaskCompletionSource<bool>? _pending;

        public Page<object> Current { get; private set; } = null!;

        public ValueTask<bool> MoveNextAsync()
        {
            Current = null!;
            _pending = new TaskCompletionSource<bool>();
            return new ValueTask<bool>(_pending.Task);
        }

        public void Deliver(Page<object> page)
        {
            Current = page;
            _pending!.SetResult(true);
        }

        public void Finish() => _pending!.SetResult(false);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
