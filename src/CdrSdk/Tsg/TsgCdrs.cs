using System.Text.Json;
using CdrSdk.Core.Csv;
using CdrSdk.Core.Http;
using CdrSdk.Core.Json;
using CdrSdk.Paging;
using CdrSdk.Tsg.Api;

namespace CdrSdk.Tsg;

/// <summary>The <c>cdrRecords</c> query of one TSG client.</summary>
internal sealed class TsgCdrs : ITsgCdrs
{
    private const string TokenKind = "tsg-cdrs";
    private const string WindowTokenKind = "tsg-cdrs-windows";
    private const int MaxLimit = 1000;
    private readonly ApiTransport _transport;
    private readonly DownloadClient _downloads;
    private readonly TsgOptions _options;

    public TsgCdrs(ApiTransport transport, DownloadClient downloads, TsgOptions options)
    {
        _transport = transport;
        _downloads = downloads;
        _options = options;
    }

    public AsyncPageable<TsgCdr> ListAsync(TsgCdrQuery query, CancellationToken cancellationToken = default)
    {
        Validate(query);
        return new WindowedPageable<TsgCdr>(
            CdrProvider.Tsg,
            WindowTokenKind,
            (query.Start, query.End),
            newestFirst: false,
            _transport.Runtime.Options.Paging,
            _options.ExportSliceSize,
            (window, token, hint, ct) => FetchPageAsync(window is { } w ? query with { Start = w.From, End = w.To } : query, token, hint, ct),
            token => ContinuationTokenCodec.Decode(token, TokenKind, TsgJsonContext.Wire.TsgListPosition),
            cancellationToken,
            _transport.Runtime.Infrastructure.Metrics);
    }

    public async Task<Uri> GetExportLinkAsync(TsgCdrQuery query, CancellationToken cancellationToken = default)
    {
        Validate(query);
        return await ExportLinkAsync(query, query.Start, query.End, cancellationToken).ConfigureAwait(false);
    }

    public Task<Stream> ExportCsvAsync(TsgCdrQuery query, CancellationToken cancellationToken = default) =>
        ExportCsvCoreAsync(query, progress: null, cancellationToken);

    public Task<Stream> ExportCsvAsync(TsgCdrQuery query, IProgress<TsgExportProgress> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return ExportCsvCoreAsync(query, progress, cancellationToken);
    }

    private async Task<Stream> ExportCsvCoreAsync(TsgCdrQuery query, IProgress<TsgExportProgress>? progress, CancellationToken cancellationToken)
    {
        Validate(query);
        var slices = Slices(query.Start, query.End, _options.ExportSliceSize);

        // The concatenated stream asks for part i only after part i - 1 was read to its end.
        var stream = new ConcatenatedCsvStream(async (part, ct) =>
        {
            if (part >= slices.Count)
            {
                progress?.Report(new TsgExportProgress(slices.Count, slices.Count, query.End, query.End));
                return null;
            }

            progress?.Report(new TsgExportProgress(part, slices.Count, slices[part].From, slices[part].To));
            var link = await ExportLinkAsync(query, slices[part].From, slices[part].To, ct).ConfigureAwait(false);
            return await _downloads.OpenAsync(link, CdrProvider.Tsg, "text/csv", ct).ConfigureAwait(false);
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

    public IAsyncEnumerable<CsvRecord> ReadExportAsync(TsgCdrQuery query, CancellationToken cancellationToken = default)
    {
        Validate(query);
        return ReadExportCoreAsync(query, cancellationToken);
    }

    /// <summary>Consecutive slices of at most <paramref name="size"/> covering [from, to) exactly.</summary>
    internal static IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Slices(DateTimeOffset from, DateTimeOffset to, TimeSpan size) =>
        TimeWindows.Split(from, to, size);

    private void Validate(TsgCdrQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<CdrValidationError>();
        var now = _transport.Runtime.TimeProvider.GetUtcNow();
        if (string.IsNullOrWhiteSpace(query.Type.Value))
        {
            errors.Add(new(nameof(query.Type), "is required: for example TsgCdrType.Sms."));
        }

        if (query.Start == default)
        {
            errors.Add(new(nameof(query.Start), "is required: the first instant of the window."));
        }
        else if (query.Start >= query.End)
        {
            errors.Add(new(nameof(query.Start), $"must be before End ({Iso(query.End)}), but was {Iso(query.Start)}."));
        }

        if (query.End > now)
        {
            errors.Add(new(nameof(query.End), $"must not be after now ({Iso(now)}): TSG's endDatetime is at most now, but was {Iso(query.End)}."));
        }

        if (query.CompanyId is not null && string.IsNullOrWhiteSpace(query.CompanyId))
        {
            errors.Add(new(nameof(query.CompanyId), "is empty: give a company id or leave it null."));
        }

        if (query.Limit is { } limit)
        {
            OptionRules.InRange(errors, nameof(query.Limit), limit, 1, MaxLimit);
        }

        if (query.Fields is { } fields && fields.Message == TsgMessageCdrFields.None && fields.Voice == TsgVoiceCdrFields.None && fields.Api == TsgApiCdrFields.None)
        {
            errors.Add(new(nameof(query.Fields), "selects no field: select at least one field of one CDR type."));
        }

        if (errors.Count > 0)
        {
            throw new CdrValidationException(errors) { Provider = CdrProvider.Tsg };
        }
    }

    private async ValueTask<Page<TsgCdr>> FetchPageAsync(TsgCdrQuery query, string? continuationToken, int? pageSizeHint, CancellationToken cancellationToken)
    {
        var position = continuationToken is null
            ? new TsgListPosition { Limit = query.Limit ?? (pageSizeHint is { } hint ? Math.Min(hint, MaxLimit) : null) }
            : ContinuationTokenCodec.Decode(continuationToken, TokenKind, TsgJsonContext.Wire.TsgListPosition);
        var result = await QueryAsync(query, query.Start, query.End, position.Limit, position.Cursor, cancellationToken).ConfigureAwait(false);
        var next = result.PaginationInfo?.NextCursor;
        var token = string.IsNullOrEmpty(next)
            ? null
            : ContinuationTokenCodec.Encode(TokenKind, new TsgListPosition { Cursor = next, Limit = position.Limit }, TsgJsonContext.Wire.TsgListPosition);
        return Page<TsgCdr>.FromValues(result.Cdrs ?? [], token);
    }

    private async Task<Uri> ExportLinkAsync(TsgCdrQuery query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var result = await QueryAsync(query, from, to, 1, null, cancellationToken).ConfigureAwait(false);
        return Uri.TryCreate(result.ExportLink, UriKind.Absolute, out var link)
            ? link
            : throw new CdrTransportException($"TSG cdrRecords answered without a usable exportLink ('{result.ExportLink}').")
            {
                Provider = CdrProvider.Tsg,
                Failure = CdrTransportFailure.InvalidResponse,
            };
    }

    private async Task<TsgCdrRecordsResult> QueryAsync(TsgCdrQuery query, DateTimeOffset from, DateTimeOffset to, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var body = new TsgGraphQLRequest
        {
            Query = TsgQueryDocument.For(query.Fields),
            Variables = new TsgCdrRecordsVariables
            {
                Type = query.Type.Value.ToUpperInvariant(),
                StartDatetime = Iso(from),
                EndDatetime = Iso(to),
                CompanyId = query.CompanyId,
                Limit = limit,
                Cursor = cursor,
            },
        };
        var response = await _transport.ReadJsonAsync(
            ct => _transport.Runtime.Api<ITsgApi>(CdrProvider.Tsg, TsgApiSettings.Value).QueryAsync(body, idempotent: true, ct),
            TsgJsonContext.Wire.JsonEnvelopeTsgCdrRecordsData,
            cancellationToken).ConfigureAwait(false);
        if (response.Element("errors") is { ValueKind: JsonValueKind.Array } errors && errors.GetArrayLength() > 0)
        {
            throw GraphQLError(errors);
        }

        return response.Data?.CdrRecords ?? throw new CdrTransportException("TSG /graphql answered without data.cdrRecords and without errors.")
        {
            Provider = CdrProvider.Tsg,
            Failure = CdrTransportFailure.InvalidResponse,
        };
    }

    private CdrApiException GraphQLError(JsonElement errors) =>
        _transport.Errors.FromReportedErrors($"{CdrProvider.Tsg.DisplayName()} POST /graphql (cdrRecords)", "GraphQL errors", "{\"errors\":" + errors.GetRawText() + "}");

    private IAsyncEnumerable<CsvRecord> ReadExportCoreAsync(TsgCdrQuery query, CancellationToken cancellationToken) =>
        CsvRecordReader.ReadCountedAsync(ct => ExportCsvAsync(query, ct), CdrProvider.Tsg, _transport.Runtime.Infrastructure.Metrics, static (h, f) => new CsvRecord(h, f), cancellationToken);

    private static string Iso(DateTimeOffset value) => IsoTime.Utc(value);
}
