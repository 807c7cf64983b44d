using CdrSdk.Paging;

namespace CdrSdk.Tests.Paging;

/// <summary>The records of a page sequence through <see cref="RecordEnumerator{T}"/> (what <c>await foreach</c> over a listing runs).</summary>
public sealed class RecordEnumeratorTests
{
    [Fact]
    public async Task Empty_pages_are_passed_over_and_the_end_stays_the_end()
    {
        var pageable = AsyncPageable<string>.FromPages(
        [
            Page<string>.FromValues([], "a"),
            Page<string>.FromValues(["r1", "r2"], "b"),
            Page<string>.FromValues([], "c"),
            Page<string>.FromValues(["r3"], null),
        ]);
        var records = pageable.GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var seen = new List<string>();

        string? beforeFirst = records.Current;
        Assert.Null(beforeFirst);
        while (await records.MoveNextAsync())
        {
            seen.Add(records.Current);
        }

        Assert.Equal(["r1", "r2", "r3"], seen);
        Assert.False(await records.MoveNextAsync());
        Assert.Null(records.Current);
        await records.DisposeAsync();
    }

    [Fact]
    public async Task A_failing_page_fails_the_step_that_reaches_it_after_the_records_before_it()
    {
        var records = new RecordEnumerator<int>(PagesThenFailure());
        var seen = new List<int>();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            while (await records.MoveNextAsync())
            {
                seen.Add(records.Current);
            }
        });

        Assert.Equal([1, 2], seen);
        Assert.Equal("page 2 failed", ex.Message);
        await records.DisposeAsync();
    }

    [Fact]
    public async Task Disposing_stops_the_page_sequence()
    {
        var disposed = false;
        var records = new RecordEnumerator<int>(Pages(() => disposed = true));

        Assert.True(await records.MoveNextAsync());
        Assert.Equal(10, records.Current);
        await records.DisposeAsync();

        Assert.True(disposed);
    }

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

    private static async IAsyncEnumerator<Page<int>> PagesThenFailure()
    {
        await Task.Yield();
        yield return Page<int>.FromValues([1, 2], "1");
        await Task.Yield();
        throw new InvalidOperationException("page 2 failed");
    }

    private static async IAsyncEnumerator<Page<int>> Pages(Action onDispose)
    {
        try
        {
            await Task.Yield();
            yield return Page<int>.FromValues([10, 11], "1");
            yield return Page<int>.FromValues([12], null);
        }
        finally
        {
            onDispose();
        }
    }
}
