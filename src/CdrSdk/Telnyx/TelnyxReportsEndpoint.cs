using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CdrSdk.Core.Csv;
using CdrSdk.Core.Http;
using CdrSdk.Paging;
using CdrSdk.Telnyx.Wire;
using Microsoft.Extensions.Logging;

namespace CdrSdk.Telnyx;

/// <summary>
/// The shared implementation of CDR and MDR report requests over either API version. Subclasses supply the
/// paths, the validation, the request body and the typed row.
/// </summary>
internal abstract class TelnyxReportsEndpoint<TRequest, TReport, TRow> : ITelnyxReports<TRequest, TReport, TRow>, IReportOperationSource<TReport>, IRequestValidation<TRequest>, IPagingSettings
    where TRequest : class
    where TReport : TelnyxReport
    where TRow : CsvRecord
{
    /// <summary>Page size of report listings when the caller gives no hint.</summary>
    public const int DefaultPageSize = 25;

    private readonly ApiTransport _transport;
    private readonly DownloadClient _downloads;
    private readonly string _tokenKind;

    protected TelnyxReportsEndpoint(ApiTransport transport, DownloadClient downloads, TelnyxOptions options, string collectionPath, string tokenKind)
    {
        _transport = transport;
        _downloads = downloads;
        Version = options.ApiVersion;
        Polling = options.Polling.Clone();
        CollectionPath = collectionPath;
        _tokenKind = tokenKind;
        Logger = transport.Runtime.LoggerFactory.CreateLogger("CdrSdk.Telnyx");
    }

    public ReportPollingOptions Polling { get; }

    public TimeProvider TimeProvider => _transport.Runtime.TimeProvider;

    public ILogger Logger { get; }

    protected TelnyxApiVersion Version { get; }

    protected string CollectionPath { get; }

    protected ApiTransport Transport => _transport;

    public async Task<ReportOperation<TReport>> StartAsync(TRequest request, CancellationToken cancellationToken = default)
    {
        var report = await CreateAsync(request, cancellationToken).ConfigureAwait(false);
        return new ReportOperation<TReport>(this, report.Id, report);
    }

    public CdrPagingOptions Paging => _transport.Runtime.Options.Paging;

    public void ValidateNow(TRequest request) => Validate(request, TimeProvider.GetUtcNow());

    public async Task<TReport> CreateAsync(TRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateNow(request);
        var api = new ApiRequest(HttpMethod.Post, CollectionPath) { CreateContent = () => CreateBody(request) };
        var root = await _transport.SendAsync(api, TelnyxJsonContext.Wire.JsonElement, cancellationToken).ConfigureAwait(false);
        return ReadSingle(root, api);
    }

    public async Task<TReport> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var api = new ApiRequest(HttpMethod.Get, ItemPath(id));
        var root = await _transport.SendAsync(api, TelnyxJsonContext.Wire.JsonElement, cancellationToken).ConfigureAwait(false);
        return ReadSingle(root, api);
    }

    public AsyncPageable<TReport> ListAsync(CancellationToken cancellationToken = default) =>
        new FetchingPageable<TReport>(CdrProvider.Telnyx, FetchPageAsync, Paging, cancellationToken, _transport.Runtime.Infrastructure.Metrics);

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(new ApiRequest(HttpMethod.Delete, ItemPath(id)), cancellationToken);

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

    public IAsyncEnumerable<TRow> ReadRowsAsync(TReport report, CancellationToken cancellationToken = default)
    {
        RequireDownloadUrl(report);
        return ReadRowsCoreAsync(report, cancellationToken);
    }

    protected abstract void Validate(TRequest request, DateTimeOffset now);

    protected abstract HttpContent CreateBody(TRequest request);

    protected abstract TReport Map(TelnyxReportWire wire);

    protected abstract TRow CreateRow(CsvHeader header, string[] fields);

    protected static HttpContent Json<T>(T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonContent.Create(body, typeInfo);

    private IAsyncEnumerable<TRow> ReadRowsCoreAsync(TReport report, CancellationToken cancellationToken) =>
        CsvRecordReader.ReadCountedAsync(ct => OpenReadAsync(report, ct), CdrProvider.Telnyx, _transport.Runtime.Infrastructure.Metrics, CreateRow, cancellationToken);

    private async ValueTask<Page<TReport>> FetchPageAsync(string? continuationToken, int? pageSizeHint, CancellationToken cancellationToken)
    {
        var position = continuationToken is null
            ? new TelnyxListPosition { Page = 1, Size = pageSizeHint ?? DefaultPageSize }
            : ContinuationTokenCodec.Decode(continuationToken, _tokenKind, TelnyxJsonContext.Wire.TelnyxListPosition);

        var api = new ApiRequest(HttpMethod.Get, CollectionPath);
        if (Version == TelnyxApiVersion.V1)
        {
            api.Query.AddIfNotNull("page", position.Page).AddIfNotNull("per_page", position.Size);
        }
        else
        {
            api.Query.AddIfNotNull("page[number]", position.Page).AddIfNotNull("page[size]", position.Size);
        }

        var root = await _transport.SendAsync(api, TelnyxJsonContext.Wire.JsonElement, cancellationToken).ConfigureAwait(false);
        var (items, totalPages) = ReadList(root, api);

        var hasMore = totalPages is { } total ? position.Page < total : items.Count >= position.Size && items.Count > 0;
        var next = hasMore
            ? ContinuationTokenCodec.Encode(_tokenKind, new TelnyxListPosition { Page = position.Page + 1, Size = position.Size }, TelnyxJsonContext.Wire.TelnyxListPosition)
            : null;
        return Page<TReport>.FromValues(items, next);
    }

    private string ItemPath(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return CollectionPath + "/" + ApiRequest.Segment(id.Trim());
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

    private TReport ReadSingle(JsonElement root, ApiRequest api)
    {
        var item = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? data
            : root;
        return MapOrThrow(item, api);
    }

    private (IReadOnlyList<TReport> Items, int? TotalPages) ReadList(JsonElement root, ApiRequest api)
    {
        JsonElement array;
        int? totalPages = null;
        if (root.ValueKind == JsonValueKind.Array)
        {
            array = root;
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            array = data;
            if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("total_pages", out var pages) && Core.Json.LenientJson.AsInt64(pages) is { } total)
            {
                totalPages = (int)Math.Min(total, int.MaxValue);
            }
        }
        else
        {
            throw InvalidResponse(api, "expected a JSON array or {\"data\": [...]}");
        }

        var items = new List<TReport>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            items.Add(MapOrThrow(element, api));
        }

        return (items, totalPages);
    }

    private TReport MapOrThrow(JsonElement element, ApiRequest api)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw InvalidResponse(api, "expected a report object");
        }

        try
        {
            var wire = element.Deserialize(TelnyxJsonContext.Wire.TelnyxReportWire)
                ?? throw new JsonException("null report");
            return Map(wire);
        }
        catch (JsonException ex)
        {
            throw InvalidResponse(api, ex.Message, ex);
        }
    }

    private static CdrTransportException InvalidResponse(ApiRequest api, string problem, Exception? inner = null) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Telnyx {api.Method.Method} {api.Path} answered with an unexpected body: {problem}."), inner)
        {
            Provider = CdrProvider.Telnyx,
            Failure = CdrTransportFailure.InvalidResponse,
        };
}
