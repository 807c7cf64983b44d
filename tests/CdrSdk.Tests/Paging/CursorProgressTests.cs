using CdrSdk.Paging;

namespace CdrSdk.Tests.Paging;

/// <summary>A provider that makes no progress is stopped: cursor cycles and endless empty pages.</summary>
public sealed class CursorProgressTests
{
    [Fact]
    public void A_cursor_seen_a_few_pages_earlier_is_a_cycle()
    {
        var progress = new CursorProgress(CdrProvider.Voiso, maxEmptyPages: 100);
        progress.Check(null, "a", 10);
        progress.Check("a", "b", 10);
        progress.Check("b", "c", 10);

        var ex = Assert.Throws<CdrTransportException>(() => progress.Check("c", "a", 10));

        Assert.Equal(CdrTransportFailure.InvalidResponse, ex.Failure);
        Assert.Equal(CdrProvider.Voiso, ex.Provider);
        Assert.Contains("already returned ('a')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_pages_are_tolerated_up_to_the_limit_and_a_full_page_resets_the_count()
    {
        var progress = new CursorProgress(CdrProvider.Kazoo, maxEmptyPages: 3);
        var cursor = 0;
        string? Next() => (++cursor).ToString(System.Globalization.CultureInfo.InvariantCulture);

        string? sent = null;
        foreach (var count in new[] { 0, 0, 0, 5, 0, 0, 0 })
        {
            var next = Next();
            progress.Check(sent, next, count);
            sent = next;
        }

        var ex = Assert.Throws<CdrTransportException>(() => progress.Check(sent, Next(), 0));
        Assert.Contains("4 empty pages in a row", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CdrPagingOptions.MaxEmptyPages", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_last_page_ends_the_listing_normally()
    {
        var progress = new CursorProgress(CdrProvider.Tsg, maxEmptyPages: 1);
        progress.Check(null, "a", 0);

        progress.Check("a", null, 0);
        progress.Check(null, null, 0);

        Assert.Throws<CdrTransportException>(() => progress.Check("a", "b", 0));
    }

    [Fact]
    public void Only_the_last_sixteen_cursors_are_remembered()
    {
        var progress = new CursorProgress(CdrProvider.Kazoo, maxEmptyPages: 100);
        string? sent = null;
        for (var i = 0; i < 40; i++)
        {
            var next = "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            progress.Check(sent, next, 1);
            sent = next;
        }

        progress.Check(sent, "k0", 1);
        Assert.Throws<CdrTransportException>(() => progress.Check("k0", "k39", 1));
    }
}
