using CdrSdk.Paging;

namespace CdrSdk.Tests.Paging;

public sealed class FetchingPageableTests
{
    private static FetchingPageable<int> Pages(int count, int failAt = -1, bool repeatToken = false, int prefetch = 0) =>
        new(CdrProvider.Telnyx, (token, size, ct) =>
        {
            var index = token is null ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
            if (index == failAt)
            {
                throw new CdrApiException("page failed") { StatusCode = System.Net.HttpStatusCode.ServiceUnavailable };
            }

            var next = index + 1 < count ? (repeatToken && index > 0 ? token : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
            return ValueTask.FromResult(Page<int>.FromValues(Enumerable.Range(index * 10, size ?? 10).ToArray(), next));
        }, new CdrPagingOptions { PrefetchPages = prefetch }, CancellationToken.None);

    [Fact]
    public async Task Every_record_of_every_page_is_enumerated_in_order()
    {
        var all = new List<int>();
        await foreach (var value in Pages(3))
        {
            all.Add(value);
        }

        Assert.Equal(Enumerable.Range(0, 30), all);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_failure_carries_the_token_of_the_last_page_delivered_and_resuming_from_it_continues_exactly(int prefetch)
    {
        var seen = new List<int>();
        var ex = await Assert.ThrowsAsync<CdrApiException>(async () =>
        {
            await foreach (var page in Pages(4, failAt: 2, prefetch: prefetch).AsPages())
            {
                seen.AddRange(page.Values);
            }
        });

        Assert.True(ex.IsResumable);
        Assert.Equal("2", ex.ContinuationToken);
        await foreach (var page in Pages(4).AsPages(ex.ContinuationToken))
        {
            seen.AddRange(page.Values);
        }

        Assert.Equal(Enumerable.Range(0, 40), seen);
    }

    [Fact]
    public async Task A_failure_on_the_first_page_is_resumable_from_the_start()
    {
        var ex = await Assert.ThrowsAsync<CdrApiException>(async () =>
        {
            await foreach (var unused in Pages(2, failAt: 0))
            {
            }
        });

        Assert.True(ex.IsResumable);
        Assert.Null(ex.ContinuationToken);
    }

    [Fact]
    public async Task A_provider_repeating_the_same_token_is_stopped()
    {
        var ex = await Assert.ThrowsAsync<CdrTransportException>(async () =>
        {
            await foreach (var unused in Pages(10, repeatToken: true))
            {
            }
        });

        Assert.Equal(CdrTransportFailure.InvalidResponse, ex.Failure);
        Assert.Contains("handed out a cursor it had already returned ('1')", ex.Message, StringComparison.Ordinal);
        Assert.Equal("1", ex.ContinuationToken);
    }

    [Fact]
    public void A_page_size_hint_below_one_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Pages(1).AsPages(pageSizeHint: 0));
        Assert.Equal("pageSizeHint", ex.ParamName);
    }

    [Fact]
    public async Task Static_pages_serve_mocks_and_resume_by_index()
    {
        var pageable = AsyncPageable<string>.FromPages([Page<string>.FromValues(["a", "b"], "x"), Page<string>.FromValues(["c"], null)]);
        var pages = new List<Page<string>>();
        await foreach (var page in pageable.AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal("1", pages[0].ContinuationToken);
        var rest = new List<string>();
        await foreach (var value in pageable.AsPages(pages[0].ContinuationToken))
        {
            rest.AddRange(value.Values);
        }

        Assert.Equal(["c"], rest);
    }
}
