using System.Runtime.CompilerServices;
using System.Text;
using CdrSdk.Paging;
using CdrSdk.Sync.Engine;

namespace CdrSdk.Sync.Tests.Engine;

/// <summary>
/// The mapping stage between a window's listing and the store: pages come out in the listing's order, mapped, with
/// their tokens; a failure of the listing comes out after the pages before it, as the same exception; disposing the
/// reader stops a listing still fetching.
/// </summary>
public sealed class MappedPageReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_come_out_in_order_with_their_rows_json_and_tokens_then_the_end()
    {
        var reader = new MappedPageReader(Pages(pages: 5, perPage: 3, failAfter: null, Ct), "src", Ct);
        await using (reader)
        {
            var seen = new List<string>();
            while (await reader.NextAsync(Ct) is { } page)
            {
                foreach (var row in page.Rows)
                {
                    // The JSON is valid while the page is the current one, even though the next page is mapped meanwhile.
                    seen.Add($"{row.Id}={Encoding.UTF8.GetString(row.Record.Span)}@{page.ContinuationToken ?? "end"}");
                }
            }

            var expected = Enumerable.Range(0, 15).Select(i => $"r{i}={{\"leg\":\"leg-{i}\"}}@{(i / 3 == 4 ? "end" : $"t{i / 3 + 1}")}");
            Assert.Equal(expected, seen);
            Assert.Null(await reader.NextAsync(Ct));
        }
    }

    [Fact]
    public async Task A_listing_failure_comes_out_after_the_pages_before_it_as_the_same_exception()
    {
        var reader = new MappedPageReader(Pages(pages: 5, perPage: 2, failAfter: 2, Ct), "src", Ct);
        await using (reader)
        {
            var ids = new List<string>();
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                while (await reader.NextAsync(Ct) is { } page)
                {
                    ids.AddRange(page.Rows.Select(r => r.Id));
                }
            });

            Assert.Equal("the listing failed after 2 pages", failure.Message);
            Assert.Equal(["r0", "r1", "r2", "r3"], ids);
        }
    }

    [Fact]
    public async Task Disposing_the_reader_stops_a_listing_still_fetching()
    {
        var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = new MappedPageReader(Hanging(stopped, Ct), "src", Ct);
        var first = await reader.NextAsync(Ct);
        Assert.Equal(["r0"], first!.Rows.Select(r => r.Id));

        await reader.DisposeAsync();

        Assert.True(stopped.Task.IsCompleted);
        Assert.True(await stopped.Task);
    }

    private static CallRecord Record(int i) => new()
    {
        Provider = CdrProvider.Kazoo,
        Id = "r" + i,
        Kind = CallKind.Call,
        ProviderRecord = new { leg = "leg-" + i },
    };

    private static async IAsyncEnumerable<Page<CallRecord>> Pages(int pages, int perPage, int? failAfter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var p = 0; p < pages; p++)
        {
            if (p == failAfter)
            {
                throw new InvalidOperationException($"the listing failed after {p} pages");
            }

            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            var records = Enumerable.Range(p * perPage, perPage).Select(Record).ToArray();
            yield return Page<CallRecord>.FromValues(records, p == pages - 1 ? null : "t" + (p + 1));
        }
    }

    private static async IAsyncEnumerable<Page<CallRecord>> Hanging(TaskCompletionSource<bool> stopped, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            yield return Page<CallRecord>.FromValues([Record(0)], "t1");
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield return Page<CallRecord>.FromValues([Record(1)], null);
        }
        finally
        {
            stopped.TrySetResult(cancellationToken.IsCancellationRequested);
        }
    }
}
