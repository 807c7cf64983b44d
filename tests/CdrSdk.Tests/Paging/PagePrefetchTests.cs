using CdrSdk.Paging;

namespace CdrSdk.Tests.Paging;

/// <summary>Fetching pages ahead of the caller: how far ahead, what a failure looks like, and stopping early.</summary>
public sealed class PagePrefetchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    public async Task While_the_caller_holds_the_first_page_only_the_configured_number_of_pages_are_fetched_ahead(int prefetch, int fetchedWhileHoldingFirst)
    {
        var fetches = new Fetches(pages: 10);
        var pageable = new FetchingPageable<int>(CdrProvider.Voiso, fetches.FetchAsync, new CdrPagingOptions { PrefetchPages = prefetch }, CancellationToken.None);
        await using var pages = pageable.AsPages().GetAsyncEnumerator(Ct);

        Assert.True(await pages.MoveNextAsync());
        await fetches.SettleAsync();

        Assert.Equal([0], pages.Current.Values);
        Assert.Equal(fetchedWhileHoldingFirst, fetches.Started);
        var all = new List<int>(pages.Current.Values);
        while (await pages.MoveNextAsync())
        {
            all.AddRange(pages.Current.Values);
        }

        Assert.Equal(Enumerable.Range(0, 10), all);
        Assert.Equal(10, fetches.Started);
    }

    [Fact]
    public async Task With_prefetch_1_the_next_page_is_fetched_ahead_only_while_the_caller_spends_time_on_pages()
    {
        // Each page takes 60 ms to arrive. The caller reads pages 0-2 at once (the fetch is the bottleneck, an
        // overlap saves nothing), then spends 30 ms on each of pages 3-7 (an overlap saves those 30 ms a page).
        var fetches = new Fetches(pages: 8, fetchTime: TimeSpan.FromMilliseconds(60));
        var pageable = new FetchingPageable<int>(CdrProvider.Voiso, fetches.FetchAsync, new CdrPagingOptions { PrefetchPages = 1 }, CancellationToken.None);
        var requestedWhenHandedOver = new List<int>();
        var values = new List<int>();

        await foreach (var page in pageable.AsPages().WithCancellation(Ct))
        {
            requestedWhenHandedOver.Add(fetches.Started);
            values.AddRange(page.Values);
            if (page.Values[0] >= 3)
            {
                await Task.Delay(30, Ct);
            }
        }

        Assert.Equal(Enumerable.Range(0, 8), values);

        // Page 0: nothing known yet, so on demand (reading one page costs one request). Pages 1-3: decided after
        // a caller that took no time, so on demand. Pages 4-6: the caller spent 30 ms on the page before, so the
        // next one is on its way. Page 7 is the last: nothing further exists to request.
        Assert.Equal([1, 2, 3, 4, 6, 7, 8, 8], requestedWhenHandedOver);
        Assert.Equal(8, fetches.Started);
    }

    [Fact]
    public async Task A_page_fetched_ahead_that_fails_surfaces_only_when_the_caller_reaches_it()
    {
        var fetches = new Fetches(pages: 5, failAt: 2);
        var pageable = new FetchingPageable<int>(CdrProvider.Kazoo, fetches.FetchAsync, new CdrPagingOptions { PrefetchPages = 1 }, CancellationToken.None);
        var seen = new List<int>();

        var ex = await Assert.ThrowsAsync<CdrTransportException>(async () =>
        {
            await foreach (var page in pageable.AsPages().WithCancellation(Ct))
            {
                await fetches.SettleAsync();
                seen.AddRange(page.Values);
            }
        });

        Assert.Equal([0, 1], seen);
        Assert.Equal("2", ex.ContinuationToken);
        Assert.True(ex.IsResumable);
    }

    [Fact]
    public async Task Stopping_early_cancels_the_fetch_in_flight_and_starts_no_other()
    {
        var fetches = new Fetches(pages: 10, holdFrom: 1);
        var pageable = new FetchingPageable<int>(CdrProvider.Tsg, fetches.FetchAsync, new CdrPagingOptions { PrefetchPages = 2 }, CancellationToken.None);

        await foreach (var page in pageable.AsPages().WithCancellation(Ct))
        {
            await fetches.WaitForStartedAsync(2);
            break;
        }

        Assert.Equal(2, fetches.Started);
        Assert.Equal(1, fetches.Cancelled);
        await Task.Delay(50, Ct);
        Assert.Equal(2, fetches.Started);
    }

    [Fact]
    public async Task Cancelling_the_enumeration_ends_it_promptly_even_while_a_fetch_waits()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var fetches = new Fetches(pages: 10, holdFrom: 2);
        var pageable = new FetchingPageable<int>(CdrProvider.Voiso, fetches.FetchAsync, new CdrPagingOptions { PrefetchPages = 1 }, CancellationToken.None);
        var seen = new List<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in pageable.AsPages().WithCancellation(cancel.Token))
            {
                seen.AddRange(page.Values);
                if (page.Values[0] == 0)
                {
                    await Task.Delay(20, Ct); // time on a page: page 2 is then requested while the caller holds page 1
                    continue;
                }

                await fetches.WaitForStartedAsync(3);
                await cancel.CancelAsync();
            }
        });

        Assert.Equal([0, 1], seen);
        Assert.Equal(3, fetches.Started);
        Assert.Equal(1, fetches.Cancelled);
    }

    /// <summary>A fake provider: page i holds the value i, its token is "i+1"; it can take time per page, fail at a page or hold fetches until cancelled.</summary>
    private sealed class Fetches(int pages, int failAt = -1, int holdFrom = int.MaxValue, TimeSpan fetchTime = default)
    {
        private int _started;
        private int _cancelled;

        public int Started => Volatile.Read(ref _started);

        public int Cancelled => Volatile.Read(ref _cancelled);

        public async ValueTask<Page<int>> FetchAsync(string? token, int? size, CancellationToken cancellationToken)
        {
            var index = token is null ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
            Interlocked.Increment(ref _started);
            if (fetchTime > TimeSpan.Zero)
            {
                await Task.Delay(fetchTime, cancellationToken);
            }
            else
            {
                await Task.Yield();
            }

            if (index >= holdFrom)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _cancelled);
                    throw;
                }
            }

            if (index == failAt)
            {
                throw new CdrTransportException("page failed") { Failure = CdrTransportFailure.Network };
            }

            return Page<int>.FromValues([index], index + 1 < pages ? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        }

        /// <summary>Gives the prefetch pump time to run as far as it is allowed to.</summary>
        public async Task SettleAsync()
        {
            var last = -1;
            for (var i = 0; i < 200 && Started != last; i++)
            {
                last = Started;
                await Task.Delay(5);
            }
        }

        public async Task WaitForStartedAsync(int count)
        {
            for (var i = 0; i < 1000 && Started < count; i++)
            {
                await Task.Delay(5);
            }
        }
    }
}
