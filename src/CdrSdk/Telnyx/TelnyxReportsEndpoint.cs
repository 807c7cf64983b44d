using System.Text.Json;
using CdrSdk.Core.Csv;
using CdrSdk.Core.Http;
using CdrSdk.Core.Json;
using CdrSdk.Paging;
using CdrSdk.Telnyx.Api;
using Microsoft.Extensions.Logging;

namespace CdrSdk.Telnyx;

/// <summary>
/// The shared implementation of CDR and MDR report requests over either API version. Subclasses supply the
/// paths, the validation, the request body and the typed row.
/// </summary>
internal abstract class TelnyxReportsEndpoint<TRequest, TReport, TRow> : ITelnyxReports<TRequest, TReport, TRow>, IReportOperationSource<TReport>
    where TRequest : class
    where TReport : TelnyxReport
    where TRow : CsvRecord
{
    /// <summary>Page size of report listings when the caller gives no hint.</summary>
    public const int DefaultPageSize = 25;

    private readonly ApiTransport _transport;
    private readonly DownloadClient _downloads;
    private readonly TelnyxReportCalls<TRequest> _calls;
    private readonly string _tokenKind;

    protected TelnyxReportsEndpoint(ApiTransport transport, DownloadClient downloads, TelnyxOptions options, TelnyxReportCalls<TRequest> calls, string tokenKind)
    {
        _transport = transport;
        _downloads = downloads;
        Version = options.ApiVersion;
        Polling = options.Polling.Clone();
        _calls = calls;
        _tokenKind = tokenKind;
        Logger = transport.Runtime.LoggerFactory.CreateLogger("CdrSdk.Telnyx");
    }

    public ReportPollingOptions Polling { get; }

    public TimeProvider TimeProvider => _transport.Runtime.TimeProvider;

    public ILogger Logger { get; }

    protected TelnyxApiVersion Version { get; }

    protected ApiTransport Transport => _transport;

    /// <summary>A generated client of the Telnyx endpoints for one call.</summary>
    protected ITelnyxApi Api() => _transport.Runtime.Api<ITelnyxApi>(CdrProvider.Telnyx, TelnyxApiSettings.Value);

    public async Task<ReportOperation<TReport>> StartAsync(TRequest request, CancellationToken cancellationToken = default)
    {
        var report = await CreateAsync(request, cancellationToken).ConfigureAwait(false);
        return new ReportOperation<TReport>(this, report.Id, report);
    }

    public CdrPagingOptions Paging => _transport.Runtime.Options.Paging;

    CdrPagingOptions ITelnyxReports<TRequest, TReport, TRow>.Paging => Paging;

    public void Validate(TRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request, TimeProvider.GetUtcNow());
    }

    public async Task<TReport> CreateAsync(TRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        return await ReadReportAsync(ct => _calls.Create(Api(), request, ct), cancellationToken).ConfigureAwait(false);
    }

    public async Task<TReport> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        id = RequireId(id);
        return await ReadReportAsync(ct => _calls.Get(Api(), id, ct), cancellationToken).ConfigureAwait(false);
    }

    public AsyncPageable<TReport> ListAsync(CancellationToken cancellationToken = default) =>
        new FetchingPageable<TReport>(CdrProvider.Telnyx, FetchPageAsync, Paging, cancellationToken, _transport.Runtime.Infrastructure.Metrics);

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        id = RequireId(id);
        using var response = await _transport.SendAsync(ct => _calls.Delete(Api(), id, ct), cancellationToken).ConfigureAwait(false);
    }

    public ReportOperation<TReport> ResumeOperation(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new ReportOperation<TReport>(this, id, null);
    }

    public async Task<Stream> OpenReadAsync(TReport report, CancellationToken cancellationToken = default)
    {
        var url = RequireDownloadUrl(report);
        return await _downloads.OpenAsync(url, CdrProvider.Telnyx, "text/csv", cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<TRow> ReadRowsAsync(TReport report, CancellationToken cancellationToken = default) =>
        ReadRowsAsync(report, CreateRow, cancellationToken);

    public IAsyncEnumerable<TAnyRow> ReadRowsAsync<TAnyRow>(TReport report, Func<CsvHeader, string[], TAnyRow> createRow, CancellationToken cancellationToken)
    {
        RequireDownloadUrl(report);
        return CsvRecordReader.ReadCountedAsync(ct => OpenReadAsync(report, ct), CdrProvider.Telnyx, _transport.Runtime.Infrastructure.Metrics, createRow, cancellationToken);
    }

    protected abstract void Validate(TRequest request, DateTimeOffset now);

    protected abstract TReport Map(TelnyxReportWire wire);

    protected abstract TRow CreateRow(CsvHeader header, string[] fields);

    private async ValueTask<Page<TReport>> FetchPageAsync(string? continuationToken, int? pageSizeHint, CancellationToken cancellationToken)
    {
        var position = continuationToken is null
            ? new TelnyxListPosition { Page = 1, Size = pageSizeHint ?? DefaultPageSize }
            : ContinuationTokenCodec.Decode(continuationToken, _tokenKind, TelnyxJsonContext.Wire.TelnyxListPosition);

        var (items, totalPages) = await _transport.ReadJsonAsync(
            ct => _calls.List(Api(), position.Page, position.Size, ct),
            async (stream, _, ct) => ReadList(await JsonSerializer.DeserializeAsync(stream, TelnyxJsonContext.Wire.JsonElement, ct).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);

        var hasMore = totalPages is { } total ? position.Page < total : items.Count >= position.Size && items.Count > 0;
        var next = hasMore
            ? ContinuationTokenCodec.Encode(_tokenKind, new TelnyxListPosition { Page = position.Page + 1, Size = position.Size }, TelnyxJsonContext.Wire.TelnyxListPosition)
            : null;
        return Page<TReport>.FromValues(items, next);
    }

    private static string RequireId(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return id.Trim();
    }

    private static Uri RequireDownloadUrl(TReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Status != ReportStatus.Complete || report.ReportUrl is null)
        {
            throw new ReportOperationException(report.Status == ReportStatus.Complete
                ? $"Report {report.Id} is complete but has no report_url to download."
                : $"Report {report.Id} is {report.Status}: only a complete report has a file. Wait for it with WaitForCompletionAsync.")
            {
                Provider = CdrProvider.Telnyx,
                ReportId = report.Id,
                Status = report.Status,
            };
        }

        return report.ReportUrl;
    }

    /// <summary>Makes the call and reads the report it answers (a body that is not one is an invalid response).</summary>
    private Task<TReport> ReadReportAsync(ApiCall call, CancellationToken cancellationToken) =>
        _transport.ReadJsonAsync(
            call,
            async (stream, _, ct) => ReadSingle(await JsonSerializer.DeserializeAsync(stream, TelnyxJsonContext.Wire.JsonElement, ct).ConfigureAwait(false)),
            cancellationToken);

    /// <summary>A v1 report (a bare object) or a v2 one (<c>{"data": {...}}</c>); either version's answer is accepted.</summary>
    private TReport ReadSingle(JsonElement root)
    {
        var (payload, _) = Unwrap(root);
        return Map(payload);
    }

    /// <summary>A v1 list (a bare array) or a v2 one (<c>{"data": [...], "meta": {"total_pages": ...}}</c>).</summary>
    private (IReadOnlyList<TReport> Items, int? TotalPages) ReadList(JsonElement root)
    {
        var (array, meta) = Unwrap(root);
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("expected a JSON array or {\"data\": [...]}");
        }

        int? totalPages = meta is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("total_pages", out var pages) && LenientJson.AsInt64(pages) is { } total
            ? (int)Math.Min(total, int.MaxValue)
            : null;
        var items = new List<TReport>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            items.Add(Map(element));
        }

        return (items, totalPages);
    }

    /// <summary>The payload of a v2 envelope (<see cref="JsonEnvelope{T}"/>) with its <c>meta</c>, or the v1 body itself.</summary>
    private static (JsonElement Payload, JsonElement? Meta) Unwrap(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            var envelope = root.Deserialize(TelnyxJsonContext.Wire.JsonEnvelopeJsonElement) ?? throw new JsonException("null envelope");
            return (envelope.Payload, envelope.Element("meta"));
        }

        return (root, null);
    }

    private TReport Map(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("expected a report object");
        }

        return Map(element.Deserialize(TelnyxJsonContext.Wire.TelnyxReportWire) ?? throw new JsonException("null report"));
    }
}
