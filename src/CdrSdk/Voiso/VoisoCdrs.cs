using System.Net;
using System.Text.Json;
using CdrSdk.Core.Http;
using CdrSdk.Core.Json;
using CdrSdk.Paging;
using CdrSdk.Voiso.Wire;

namespace CdrSdk.Voiso;

/// <summary>The Voiso CDR list of one client.</summary>
internal sealed class VoisoCdrs : IVoisoCdrs
{
    private const string Path = "/api/v4/reporting/cdrs";
    private const string TokenKind = "voiso-cdrs";
    private const string WindowTokenKind = "voiso-cdrs-windows";

    /// <summary>Voiso sets no range limit; concurrent windows are at most this long.</summary>
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);
    private static readonly string[] ListProperties = ["items", "data"];
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
        var request = CreateRequest(query);
        request.Query.Add("limit", "0");
        var (_, metadata) = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        return metadata.Total;
    }

    private async ValueTask<Page<VoisoCdr>> FetchPageAsync(VoisoCdrQuery query, string? continuationToken, int? pageSizeHint, CancellationToken cancellationToken)
    {
        var position = continuationToken is null
            ? new VoisoListPosition { Offset = query.Offset ?? 0, Limit = query.Limit ?? Math.Min(pageSizeHint ?? VoisoQueryEncoder.DefaultLimit, VoisoQueryEncoder.MaxLimit) }
            : ContinuationTokenCodec.Decode(continuationToken, TokenKind, VoisoJsonContext.Wire.VoisoListPosition);

        var request = CreateRequest(query);
        request.Query.Add("limit", position.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (position.Cursor is not null)
        {
            request.Query.Add("cursor", position.Cursor);
            if (_options.GuardCursorWithInvalidOffset)
            {
                // A valid cursor wins; an invalid one would fall back to this offset, which the API refuses (400)
                // instead of silently restarting from offset 0.
                request.Query.Add("offset", "-1");
            }
        }
        else
        {
            request.Query.Add("offset", position.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        List<VoisoCdr> items;
        VoisoMetadata metadata;
        try
        {
            (items, metadata) = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
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

    private ApiRequest CreateRequest(VoisoCdrQuery query)
    {
        var request = new ApiRequest(HttpMethod.Get, Path);
        VoisoQueryEncoder.Encode(query, _options.ArrayStyle, request.Query);
        return request;
    }

    private Task<(List<VoisoCdr> Items, VoisoMetadata Metadata)> ReadAsync(ApiRequest request, CancellationToken cancellationToken) =>
        _transport.SendAndReadAsync(request, async (stream, ct) =>
        {
            var envelope = new Dictionary<string, string?>(StringComparer.Ordinal);
            var items = new List<VoisoCdr>();
            await foreach (var item in JsonEnvelopeStreamer.ReadAsync(stream, ListProperties, VoisoJsonContext.Wire.VoisoCdr, envelope, ct).ConfigureAwait(false))
            {
                items.Add(item);
            }

            return (items, VoisoMetadata.Parse(envelope));
        }, cancellationToken);

    private static string Encode(VoisoListPosition position) =>
        ContinuationTokenCodec.Encode(TokenKind, position, VoisoJsonContext.Wire.VoisoListPosition);
}
