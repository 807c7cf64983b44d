using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CdrSdk.Core.Http;
using CdrSdk.Core.Json;
using CdrSdk.Kazoo.Api;
using CdrSdk.Paging;

namespace CdrSdk.Kazoo;

/// <summary>
/// A Kazoo listing (CDRs or interactions, account or user scope) as one sequence: window after window, and
/// inside each window <c>start_key</c>/<c>next_start_key</c> pages, or (with <c>paginate=false</c>) one streamed
/// response cut into pages client-side. Items are read from the response stream as they arrive.
/// </summary>
internal sealed class KazooListing<T> : GuardedPageable<T>
{
    private const int DefaultUnpaginatedPageSize = 500;
    private readonly ApiTransport _transport;
    private readonly KazooListCall _call;
    private readonly KazooCdrQuery _query;
    private readonly QueryParameters _filters;
    private readonly long _maxRangeSeconds;
    private readonly JsonTypeInfo<T> _itemType;
    private readonly JsonTypeInfo<JsonEnvelope<List<T>>> _pageType;
    private readonly int _maxConcurrency;
    private readonly string _tokenKind;

    public KazooListing(
        ApiTransport transport, KazooListCall call, KazooCdrQuery query, KazooOptions options, JsonTypeInfo<T> itemType, JsonTypeInfo<JsonEnvelope<List<T>>> pageType, string tokenKind, CancellationToken cancellationToken)
        : base(CdrProvider.Kazoo, transport.Runtime.Options.Paging, cancellationToken, transport.Runtime.Infrastructure.Metrics)
    {
        _transport = transport;
        _call = call;
        _query = query;
        _filters = KazooQueryPlan.Filters(query);
        _maxRangeSeconds = (long)options.MaxRangePerRequest.TotalSeconds;
        _itemType = itemType;
        _pageType = pageType;
        _maxConcurrency = transport.Runtime.Options.Paging.MaxConcurrency;
        _tokenKind = tokenKind;
    }

    protected override void ValidateStart(string? continuationToken, int? pageSizeHint)
    {
        if (continuationToken is not null)
        {
            var position = Decode(continuationToken);
            if (position.Ascending != _query.Ascending)
            {
                throw new ArgumentException(
                    $"continuationToken was issued for a listing in {(position.Ascending ? "ascending" : "descending")} order, but this query is {(_query.Ascending ? "ascending" : "descending")}.",
                    nameof(continuationToken));
            }
        }
    }

    protected override async IAsyncEnumerable<Page<T>> ProducePagesAsync(string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = continuationToken is null ? StartPosition() : Decode(continuationToken);
        var windows = KazooQueryPlan.Windows(position.From, position.To, position.WindowSeconds ?? _maxRangeSeconds, position.Ascending);
        IAsyncEnumerable<Page<T>> WindowPages(int w, CancellationToken ct)
        {
            var first = w == position.Window;
            return _query.Paginate
                ? PagedWindowAsync(windows, w, first ? position.StartKey : null, pageSizeHint, position, ct)
                : UnpaginatedWindowAsync(windows, w, first ? position.Skip : 0, pageSizeHint, position, ct);
        }

        var pages = PagePrefetcher.WindowsAsync(position.Window, windows.Count, WindowPages, _maxConcurrency, cancellationToken);
        var yieldedAny = false;
        await foreach (var page in pages.ConfigureAwait(false))
        {
            // Empty pages are only worth yielding to say "the sequence is over and had nothing".
            if (page.Values.Count > 0 || (page.ContinuationToken is null && !yieldedAny))
            {
                yieldedAny = true;
                yield return page;
            }
        }
    }

    /// <summary>The first position: the range, and smaller windows when the listing is concurrent.</summary>
    private KazooListPosition StartPosition()
    {
        var position = KazooQueryPlan.Start(_query, _transport.Runtime.TimeProvider.GetUtcNow());
        if (position is { From: { } from, To: { } to }
            && CdrPagingOptions.ConcurrentWindow(TimeSpan.FromSeconds(to - from + 1), _maxConcurrency, TimeSpan.FromSeconds(_maxRangeSeconds)) is { } window)
        {
            position.WindowSeconds = (long)window.TotalSeconds;
        }

        return position;
    }

    private async IAsyncEnumerable<Page<T>> PagedWindowAsync(
        IReadOnlyList<(long? From, long? To)> windows, int w, string? startKey, int? pageSizeHint, KazooListPosition range, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var key = startKey;
        var progress = TrackCursors();
        while (true)
        {
            var call = Call(KazooQueryPlan.Query(windows[w], _query, paginate: true, _query.PageSize ?? pageSizeHint, key));
            var (items, next) = await _transport.ReadJsonAsync(call, ReadPageAsync, cancellationToken).ConfigureAwait(false);
            progress.Check(key, next, items.Count);
            var token = next is not null
                ? Encode(range, w, next, 0)
                : w + 1 < windows.Count ? Encode(range, w + 1, null, 0) : null;
            yield return Page<T>.FromValues(items, token);
            if (next is null)
            {
                yield break;
            }

            key = next;
        }
    }

    private IAsyncEnumerable<Page<T>> UnpaginatedWindowAsync(
        IReadOnlyList<(long? From, long? To)> windows, int w, long skip, int? pageSizeHint, KazooListPosition range, CancellationToken cancellationToken)
    {
        var pageSize = _query.PageSize ?? pageSizeHint ?? DefaultUnpaginatedPageSize;
        var after = w + 1 < windows.Count ? Encode(range, w + 1, null, 0) : null;
        var items = StreamWindowAsync(Call(KazooQueryPlan.Query(windows[w], _query, paginate: false)), skip, cancellationToken);
        return ChunkAsync(items, pageSize, skip, end => Encode(range, w, null, end), after, cancellationToken);
    }

    /// <summary>
    /// The items of one unpaginated window, read as they arrive. When the connection drops mid-body the window is
    /// requested again and the items already yielded are skipped, so nothing is lost or repeated.
    /// </summary>
    private async IAsyncEnumerable<T> StreamWindowAsync(ApiCall call, long skip, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var delivered = 0L;
        for (var attempt = 1; ; attempt++)
        {
            var envelope = new Dictionary<string, string?>(StringComparer.Ordinal);
            var (stream, request) = await _transport.OpenJsonAsync(call, maxBytes: null, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var items = JsonEnvelopeStreamer.ReadAsync(stream, "data", _itemType, envelope, cancellationToken).GetAsyncEnumerator(cancellationToken);
                await using (items.ConfigureAwait(false))
                {
                    for (var index = 0L; ; index++)
                    {
                        bool more;
                        try
                        {
                            more = await items.MoveNextAsync().ConfigureAwait(false);
                        }
                        catch (IOException ex) when (_transport.CanResendAfterBodyFailure(request, attempt, cancellationToken))
                        {
                            _transport.LogBodyRetry(request, attempt);
                            _ = ex;
                            break;
                        }
                        catch (IOException ex)
                        {
                            throw _transport.BodyInterrupted(request, ex);
                        }
                        catch (JsonException ex)
                        {
                            throw _transport.InvalidJson(request, ex);
                        }

                        if (!more)
                        {
                            ThrowIfNotSuccess(envelope.GetValueOrDefault("status"), () => envelope, request);
                            yield break;
                        }

                        if (index >= skip + delivered)
                        {
                            delivered++;
                            yield return items.Current;
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Cuts a stream of items into pages of <paramref name="pageSize"/>. A full page is held back until the next
    /// item arrives, so the last page carries <paramref name="after"/> (what follows this window) rather than a
    /// token pointing at an empty remainder.
    /// </summary>
    private static async IAsyncEnumerable<Page<T>> ChunkAsync(
        IAsyncEnumerable<T> items, int pageSize, long offset, Func<long, string> tokenAt, string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<T>(pageSize);
        List<T>? held = null;
        var heldEnd = 0L;
        var count = offset;
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            count++;
            batch.Add(item);
            if (batch.Count == pageSize)
            {
                if (held is not null)
                {
                    yield return Page<T>.FromValues(held, tokenAt(heldEnd));
                }

                held = batch;
                heldEnd = count;
                batch = new List<T>(pageSize);
            }
        }

        if (held is not null)
        {
            yield return Page<T>.FromValues(held, batch.Count > 0 ? tokenAt(heldEnd) : after);
        }

        if (batch.Count > 0 || held is null)
        {
            yield return Page<T>.FromValues(batch, after);
        }
    }

    /// <summary>The call of one request: the listing's endpoint with these static parameters and the query's filters.</summary>
    private ApiCall Call(KazooListQuery query) =>
        ct => _call(_transport.Runtime.Api<IKazooApi>(CdrProvider.Kazoo, KazooApiSettings.Value), query, _filters, ct);

    /// <summary>A page of a paginated listing, bounded by its page size: deserialized in one pass, like a hand-written client would.</summary>
    private async ValueTask<(List<T> Items, string? NextStartKey)> ReadPageAsync(Stream stream, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var page = await JsonSerializer.DeserializeAsync(stream, _pageType, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The Kazoo listing body is null.");
        ThrowIfNotSuccess(page.Text("status"), page.RestAsText, request);
        return (page.Data ?? [], page.Text("next_start_key") is { Length: > 0 } next ? next : null);
    }

    /// <summary>A Kazoo envelope can say <c>"status":"error"</c> (or <c>fatal</c>) with HTTP 200: the one error mapper reads it like an error body.</summary>
    private void ThrowIfNotSuccess(string? status, Func<Dictionary<string, string?>> envelope, HttpRequestMessage request)
    {
        if (status is not null && !string.Equals(status, "success", StringComparison.OrdinalIgnoreCase))
        {
            var values = envelope();
            var body = new System.Text.Json.Nodes.JsonObject
            {
                ["status"] = status,
                ["error"] = values.GetValueOrDefault("error"),
                ["message"] = values.GetValueOrDefault("message"),
                ["request_id"] = values.GetValueOrDefault("request_id"),
            };
            throw _transport.Errors.FromReportedErrors(_transport.Describe(request), $"status '{status}'", body.ToJsonString());
        }
    }

    private string Encode(KazooListPosition range, int window, string? startKey, long skip) =>
        ContinuationTokenCodec.Encode(
            _tokenKind,
            new KazooListPosition { From = range.From, To = range.To, Ascending = range.Ascending, Window = window, StartKey = startKey, Skip = skip, WindowSeconds = range.WindowSeconds },
            KazooJsonContext.Wire.KazooListPosition);

    private KazooListPosition Decode(string token)
    {
        var position = ContinuationTokenCodec.Decode(token, _tokenKind, KazooJsonContext.Wire.KazooListPosition);
        if (position.Window < 0 || position.Skip < 0 || position.WindowSeconds is <= 0 || (position.From is { } f && position.To is { } t && f > t))
        {
            throw new ArgumentException("continuationToken is damaged: its window or position is out of range.", nameof(token));
        }

        return position;
    }

    internal static string Describe(long? gregorian) =>
        gregorian is { } g ? GregorianTime.ToDateTimeOffset(g).ToString("u", CultureInfo.InvariantCulture) : "(server default)";
}
