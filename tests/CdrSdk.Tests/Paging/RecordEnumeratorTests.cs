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
