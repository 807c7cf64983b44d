using System.Runtime.CompilerServices;
using CdrSdk.Core.Csv;
using CdrSdk.Core.Http;
using CdrSdk.Kazoo.Api;
using CdrSdk.Paging;

namespace CdrSdk.Kazoo;

/// <summary>CDR listings, documents and CSV exports of one Kazoo client.</summary>
internal sealed class KazooCdrs : IKazooCdrs
{
    private readonly ApiTransport _transport;
    private readonly KazooOptions _options;

    public KazooCdrs(ApiTransport transport, KazooOptions options)
    {
        _transport = transport;
        _options = options;
    }

    public AsyncPageable<KazooCdrSummary> ListAsync(string accountId, KazooCdrQuery? query = null, CancellationToken cancellationToken = default)
    {
        query = Prepare(accountId, query);
        var userId = query.UserId;
        KazooListCall call = userId is null
            ? (api, q, filters, ct) => api.ListCdrsAsync(accountId, q, filters, ct)
            : (api, q, filters, ct) => api.ListUserCdrsAsync(accountId, userId, q, filters, ct);
        return new KazooListing<KazooCdrSummary>(_transport, call, query, _options,
            KazooJsonContext.Wire.KazooCdrSummary, KazooJsonContext.Wire.JsonEnvelopeListKazooCdrSummary, "kazoo-cdrs", cancellationToken);
    }

    public async Task<KazooCdr> GetAsync(string accountId, string cdrId, CancellationToken cancellationToken = default)
    {
        KazooIds.RequireAccountId(accountId, nameof(accountId));
        KazooIds.RequireCdrId(cdrId, nameof(cdrId));
        var envelope = await _transport.ReadJsonAsync(ct => Api().GetCdrAsync(accountId, cdrId, ct), KazooJsonContext.Wire.JsonEnvelopeKazooCdr, cancellationToken).ConfigureAwait(false);
        return envelope.Data ?? throw new CdrTransportException($"Kazoo GET /accounts/{accountId}/cdrs/{cdrId} answered without a CDR in 'data'.")
        {
            Provider = CdrProvider.Kazoo,
            Failure = CdrTransportFailure.InvalidResponse,
        };
    }

    public async Task<Stream> ExportCsvAsync(string accountId, KazooCdrQuery? query = null, CancellationToken cancellationToken = default)
    {
        query = Prepare(accountId, query);
        var userId = query.UserId;
        var filters = KazooQueryPlan.Filters(query);
        var position = KazooQueryPlan.Start(query, _transport.Runtime.TimeProvider.GetUtcNow());
        var windows = KazooQueryPlan.Windows(position.From, position.To, (long)_options.MaxRangePerRequest.TotalSeconds, query.Ascending);
        var stream = new ConcatenatedCsvStream(async (part, ct) =>
        {
            if (part >= windows.Count)
            {
                return null;
            }

            var window = KazooQueryPlan.Query(windows[part], query, paginate: true);
            var response = await _transport.SendAsync(
                c => userId is null ? Api().ExportCdrsAsync(accountId, window, filters, c) : Api().ExportUserCdrsAsync(accountId, userId, window, filters, c),
                ct).ConfigureAwait(false);
            return await ResponseStream.OpenAsync(response, ct).ConfigureAwait(false);
        });
        try
        {
            await stream.OpenFirstAsync(cancellationToken).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public IAsyncEnumerable<KazooCdrCsvRow> ReadCsvAsync(string accountId, KazooCdrQuery? query = null, CancellationToken cancellationToken = default)
    {
        query = Prepare(accountId, query);
        return ReadCsvCoreAsync(accountId, query, cancellationToken);
    }

    /// <summary>Validates the ids and the query (before any request) and fills in defaults.</summary>
    internal KazooCdrQuery Prepare(string accountId, KazooCdrQuery? query)
    {
        KazooIds.RequireAccountId(accountId, nameof(accountId));
        query ??= new KazooCdrQuery();
        KazooQueryPlan.Validate(query, _transport.Runtime.TimeProvider.GetUtcNow());
        return query;
    }

    /// <summary>A generated client of the Kazoo endpoints for one call.</summary>
    internal IKazooApi Api() => _transport.Runtime.Api<IKazooApi>(CdrProvider.Kazoo, KazooApiSettings.Value);

    private IAsyncEnumerable<KazooCdrCsvRow> ReadCsvCoreAsync(string accountId, KazooCdrQuery query, CancellationToken cancellationToken) =>
        CsvRecordReader.ReadCountedAsync(ct => ExportCsvAsync(accountId, query, ct), CdrProvider.Kazoo, _transport.Runtime.Infrastructure.Metrics, AlignedRows(), cancellationToken);

    /// <summary>The rows of a Kazoo CSV body, each line aligned with the header (<see cref="KazooCsvAligner"/>).</summary>
    internal static IAsyncEnumerable<KazooCdrCsvRow> ReadRowsAsync(Stream stream, CancellationToken cancellationToken) =>
        CsvRecordReader.ReadAsync(stream, AlignedRows(), cancellationToken);

    /// <summary>A row factory that aligns each line with the header; one per read (its aligner learns the header).</summary>
    private static Func<CsvHeader, string[], long, KazooCdrCsvRow> AlignedRows()
    {
        KazooCsvAligner? aligner = null;
        return (header, cells, record) =>
        {
            aligner ??= new KazooCsvAligner(header);

            // One line per record (Kazoo never quotes, so no value spans lines); line 1 is the header.
            return new KazooCdrCsvRow(header, aligner.Align(cells, record + 1));
        };
    }
}
