namespace CdrSdk.Paging;

/// <summary>
/// The records of a page sequence, one by one: within a page each step completes synchronously without a state
/// machine (the per-record cost of <c>await foreach</c> over a listing), and only the step past a page's last
/// record awaits the next page.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class RecordEnumerator<T> : IAsyncEnumerator<T>
{
    private readonly IAsyncEnumerator<Page<T>> _pages;
    private IReadOnlyList<T> _values = [];
    private int _index = -1;

    public RecordEnumerator(IAsyncEnumerator<Page<T>> pages)
    {
        _pages = pages;
    }

    public T Current => _index >= 0 ? _values[_index] : default!;

    public ValueTask<bool> MoveNextAsync()
    {
        if (++_index < _values.Count)
        {
            return new ValueTask<bool>(true);
        }

        return NextPageAsync();
    }

    public ValueTask DisposeAsync() => _pages.DisposeAsync();

    private async ValueTask<bool> NextPageAsync()
    {
        // Let go of the page just read before the next one is fetched: held here, it would stay alive through the
        // next page's download and parse, and every collection meanwhile would copy two pages of records instead of one.
        _values = [];
        _index = -1;
        while (await _pages.MoveNextAsync().ConfigureAwait(false))
        {
            _values = _pages.Current.Values;
            if (_values.Count > 0)
            {
                _index = 0;
                return true;
            }
        }

        _values = [];
        _index = -1;
        return false;
    }
}
