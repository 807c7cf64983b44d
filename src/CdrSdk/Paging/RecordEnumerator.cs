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
