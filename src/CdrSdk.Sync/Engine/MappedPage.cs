using System.Buffers;
using CdrSdk.Paging;
using CdrSdk.Sync.Records;

namespace CdrSdk.Sync.Engine;

/// <summary>
/// One page of a window mapped into the rows the stores write, with the token that continues after it. The rows'
/// provider JSON is in one buffer of the page, reused when the page is filled again: a row is valid until then.
/// </summary>
internal sealed class MappedPage
{
    private readonly List<SyncRow> _rows = [];
    private readonly ArrayBufferWriter<byte> _json = new(64 * 1024);

    /// <summary>The page's rows, in the provider's order.</summary>
    public IReadOnlyList<SyncRow> Rows => _rows;

    /// <summary>The token that continues after this page; <see langword="null"/> on the last page.</summary>
    public string? ContinuationToken { get; private set; }

    /// <summary>Maps <paramref name="page"/> into this page, replacing what it held.</summary>
    /// <exception cref="CdrSyncException">A record has no id: the store could not key it.</exception>
    public void Fill(Page<CallRecord> page, SyncRowMapper mapper, string source)
    {
        _rows.Clear();
        _json.ResetWrittenCount();
        ContinuationToken = page.ContinuationToken;
        foreach (var record in page.Values)
        {
            _rows.Add(mapper.Map(record, source, _json));
        }
    }
}
