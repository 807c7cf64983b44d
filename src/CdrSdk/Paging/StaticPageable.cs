using System.Globalization;
using System.Runtime.CompilerServices;

namespace CdrSdk.Paging;

/// <summary>A pageable over pages in memory; tokens are page indexes.</summary>
internal sealed class StaticPageable<T> : AsyncPageable<T>
{
    private readonly Page<T>[] _pages;

    public StaticPageable(Page<T>[] pages)
    {
        _pages = pages;
    }

    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var start = continuationToken is null ? 0 : int.Parse(continuationToken, CultureInfo.InvariantCulture);
        for (var i = start; i < _pages.Length; i++)
        {
            await Task.Yield();
            var next = i + 1 < _pages.Length ? (i + 1).ToString(CultureInfo.InvariantCulture) : null;
            yield return Page<T>.FromValues(_pages[i].Values, next);
        }
    }
}
