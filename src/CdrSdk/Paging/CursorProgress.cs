namespace CdrSdk.Paging;

/// <summary>
/// Watches the cursors one paging loop receives from a provider and stops a provider that makes no progress:
/// a cursor it already handed out (the listing would go round in circles, repeating records), or more than
/// <see cref="CdrPagingOptions.MaxEmptyPages"/> empty pages in a row that still say "there is more" (a cursor
/// that never ends). Either ends in a <see cref="CdrTransportException"/> instead of a hang.
/// </summary>
internal sealed class CursorProgress
{
    /// <summary>How many recent cursors are remembered to detect a cycle.</summary>
    private const int Remembered = 16;

    private readonly CdrProvider _provider;
    private readonly int _maxEmptyPages;
    private readonly Queue<string> _recent = new(Remembered);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _emptyPages;

    public CursorProgress(CdrProvider provider, int maxEmptyPages)
    {
        _provider = provider;
        _maxEmptyPages = maxEmptyPages;
    }

    /// <summary>Checks a page the provider answered.</summary>
    /// <param name="sent">The cursor the page was requested with (<see langword="null"/> for the first page).</param>
    /// <param name="next">The cursor the page returned for the next one (<see langword="null"/> at the end).</param>
    /// <param name="count">How many records the page held.</param>
    /// <exception cref="CdrTransportException">The provider makes no progress.</exception>
    public void Check(string? sent, string? next, int count)
    {
        if (sent is not null)
        {
            Remember(sent);
        }

        if (next is null)
        {
            return;
        }

        if (_seen.Contains(next))
        {
            throw Stuck($"{_provider.DisplayName()} handed out a cursor it had already returned ('{Excerpt(next)}'); stopping instead of repeating records in an endless loop.");
        }

        _emptyPages = count == 0 ? _emptyPages + 1 : 0;
        if (_emptyPages > _maxEmptyPages)
        {
            throw Stuck(
                $"{_provider.DisplayName()} returned {_emptyPages} empty pages in a row that each said more records follow; stopping instead of paging forever "
                + "(raise CdrPagingOptions.MaxEmptyPages if a very selective filter really skips that many pages).");
        }
    }

    private void Remember(string cursor)
    {
        if (!_seen.Add(cursor))
        {
            return;
        }

        _recent.Enqueue(cursor);
        if (_recent.Count > Remembered)
        {
            _seen.Remove(_recent.Dequeue());
        }
    }

    private CdrTransportException Stuck(string message) => new(message)
    {
        Provider = _provider,
        Failure = CdrTransportFailure.InvalidResponse,
    };

    private static string Excerpt(string cursor) => cursor.Length <= 40 ? cursor : cursor[..40] + "...";
}
