using System.Net;
using CdrSdk.Core.Http;
using CdrSdk.Paging;
using CdrSdk.Voiso.Api;

namespace CdrSdk.Voiso;

/// <summary>The Voiso CDR list of one client.</summary>
internal sealed class VoisoCdrs : IVoisoCdrs
{
    private const string Path = "/api/v4/reporting/cdrs";
    private const string TokenKind = "voiso-cdrs";
    private const string WindowTokenKind = "voiso-cdrs-windows";

    /// <summary>Voiso sets no range limit; concurrent windows are at most this long.</summary>
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);
    private readonly ApiTransport _transport;
    private readonly VoisoOptions _options;

    public VoisoCdrs(ApiTransport transport, VoisoOptions options)
    {
        _transport = transport;
        _options = options;
    }

    public AsyncPageable<VoisoCdr> ListAsync(VoisoCdrQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new VoisoCdrQuery();
        VoisoQueryEncoder.Validate(query);

        // A started_at range with both ends (and no starting offset) can be cut into windows fetched concurrently.
        var range = query is { StartedAt: { At: null, From: { } from, To: { } to }, Offset: null } ? (from, to) : ((DateTimeOffset, DateTimeOffset)?)null;
        return new WindowedPageable<VoisoCdr>(
            CdrProvider.Voiso,
            WindowTokenKind,
            range,
            newestFirst: true,
            _transport.Runtime.Options.Paging,
            MaxWindow,
            (window, token, hint, ct) => FetchPageAsync(window is { } w ? query with { StartedAt = VoisoTimeFilter.Between(w.From, w.To) } : query, token, hint, ct),
            token => ContinuationTokenCodec.Decode(token, TokenKind, VoisoJsonContext.Wire.VoisoListPosition),
            cancellationToken,
            _transport.Runtime.Infrastructure.Metrics);
    }

    public async Task<long?> CountAsync(VoisoCdrQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new VoisoCdrQuery();
        VoisoQueryEncoder.Validate(query);
        var filters = Filters(query);
        var (_, metadata) = await ReadAsync(ct => Api().ListCdrsAsync(filters, 0, null, null, ct), cancellationToken).ConfigureAwait(false);
        return metadata.Total;
    }

    private async ValueTask<Page<VoisoCdr>> FetchPageAsync(VoisoCdrQuery query, string? continuationToken, int? pageSizeHint, CancellationToken cancellationToken)
    {
        var position = continuationToken is null
            ? new VoisoListPosition { Offset = query.Offset ?? 0, Limit = query.Limit ?? Math.Min(pageSizeHint ?? VoisoQueryEncoder.DefaultLimit, VoisoQueryEncoder.MaxLimit) }
            : ContinuationTokenCodec.Decode(continuationToken, TokenKind, VoisoJsonContext.Wire.VoisoListPosition);

        var filters = Filters(query);

        // A valid cursor wins; an invalid one would fall back to the offset -1, which the API refuses (400)
        // instead of silently restarting from offset 0.
        int? offset = position.Cursor is null ? position.Offset : _options.GuardCursorWithInvalidOffset ? -1 : null;
        List<VoisoCdr> items;
        VoisoMetadata metadata;
        try
        {
            (items, metadata) = await ReadAsync(ct => Api().ListCdrsAsync(filters, position.Limit, position.Cursor, offset, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (CdrApiException ex) when (position.Cursor is not null && ex.StatusCode == HttpStatusCode.BadRequest)
        {
            throw new VoisoInvalidCursorException(
                $"Voiso rejected the listing's cursor (expired or invalid): {ex.Message} Re-query from the last record's started_at to continue.", ex)
            {
                Provider = CdrProvider.Voiso,
            };
        }

        return Page<VoisoCdr>.FromValues(items, Next(position, items.Count, metadata));
    }

    private static string? Next(VoisoListPosition position, int count, VoisoMetadata metadata)
    {
        if (position.Limit == 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(metadata.NextCursor))
        {
            return Encode(new VoisoListPosition { Cursor = metadata.NextCursor, Limit = position.Limit });
        }

        if (position.Cursor is not null || count == 0 || count < position.Limit)
        {
            return null;
        }

        var offset = position.Offset + count;
        if (metadata.Total is { } total && offset >= total)
        {
            return null;
        }

        if (offset >= VoisoQueryEncoder.OffsetLimit)
        {
            throw new CdrTransportException(
                $"Voiso returned no next_cursor at offset {offset}, and offsets reach only the first {VoisoQueryEncoder.OffsetLimit:N0} records ({metadata.Total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "more"} match). Narrow the query (for example by started_at) to list the rest.")
            {
                Provider = CdrProvider.Voiso,
                Failure = CdrTransportFailure.InvalidResponse,
            };
        }

        return Encode(new VoisoListPosition { Offset = offset, Limit = position.Limit });
    }

    private QueryParameters Filters(VoisoCdrQuery query)
    {
        var filters = new QueryParameters();
        VoisoQueryEncoder.Encode(query, _options.ArrayStyle, filters);
        return filters;
    }

    private IVoisoApi Api() => _transport.Runtime.Api<IVoisoApi>(CdrProvider.Voiso, VoisoApiSettings.Value);

    /// <summary>One page, read in one pass (its size is bounded by <c>limit</c>): the records and the <c>metadata</c>.</summary>
    private async Task<(List<VoisoCdr> Items, VoisoMetadata Metadata)> ReadAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var envelope = await _transport.ReadJsonAsync(call, VoisoJsonContext.Wire.JsonEnvelopeListVoisoCdr, cancellationToken).ConfigureAwait(false);
        return (envelope.Payload ?? [], VoisoMetadata.From(envelope.Element("metadata")));
    }

    private static string Encode(VoisoListPosition position) =>
        ContinuationTokenCodec.Encode(TokenKind, position, VoisoJsonContext.Wire.VoisoListPosition);
}
