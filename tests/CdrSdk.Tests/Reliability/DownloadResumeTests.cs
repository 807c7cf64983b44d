using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CdrSdk.Core.Http;
using CdrSdk.Emulator;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;

namespace CdrSdk.Tests.Reliability;

/// <summary>Report and export downloads cut off mid-body continue from the byte they stopped at, or restart without repeating.</summary>
public sealed class DownloadResumeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-2);
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_telnyx_report_cut_off_twice_is_resumed_with_range_requests_and_every_row_read_once()
    {
        await using var client = TestClients.Telnyx(_emulator);
        var operation = await client.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = Since, EndTime = Since.AddHours(6) }, Ct);
        await operation.WaitForCompletionAsync(Ct);
        var clean = await operation.ReadRowsAsync(Ct).Select(r => r.Id).ToListAsync(Ct);
        _emulator.Requests.Clear();
        _emulator.Faults.Add(new FaultRule { Origin = "download", Kind = FaultKind.TruncateBody, Times = 2 });

        var rows = await operation.ReadRowsAsync(Ct).Select(r => r.Id).ToListAsync(Ct);

        Assert.True(clean.Count > 50);
        Assert.Equal(clean, rows);
        var downloads = _emulator.Requests.Snapshot().Where(r => r.Origin == "download").ToList();
        Assert.True(downloads.Count == 3, string.Join(" | ", downloads.Select(d => $"{d.StatusCode} {string.Join(",", d.Headers.Keys)}")));
        Assert.False(downloads[0].Headers.ContainsKey("range"));
        Assert.Matches(@"^bytes=[1-9]\d*-$", downloads[1].Headers["range"]);
        Assert.Equal("\"telnyx-" + operation.Id + "\"", downloads[1].Headers["if-range"]);
        Assert.Equal(206, downloads[2].StatusCode);
        Assert.All(downloads, d => Assert.DoesNotContain(d.Headers.Keys, h => h is "authorization" or "x-api-token"));
    }

    [Fact]
    public async Task A_sliced_tsg_export_cut_off_in_a_slice_still_has_one_header_and_every_row_once()
    {
        await using var client = TestClients.Tsg(_emulator);
        var query = new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Since, End = Since.AddDays(1).AddHours(6) };
        var clean = await client.Tsg.Cdrs.ReadExportAsync(query, Ct).Select(r => r["datetime"]).ToListAsync(Ct);
        _emulator.Faults.Add(new FaultRule { Origin = "download", Kind = FaultKind.TruncateBody, After = 1, Times = 1 });

        var rows = await client.Tsg.Cdrs.ReadExportAsync(query, Ct).Select(r => r["datetime"]).ToListAsync(Ct);

        Assert.Equal(clean, rows);
        Assert.Equal(clean.Count, clean.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_download_that_keeps_failing_ends_in_a_transport_error_after_the_retry_budget()
    {
        await using var client = TestClients.Telnyx(_emulator);
        var operation = await client.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = Since, EndTime = Since.AddHours(6) }, Ct);
        await operation.WaitForCompletionAsync(Ct);
        _emulator.Faults.Add(new FaultRule { Origin = "download", Kind = FaultKind.TruncateBody, Times = 100 });

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => operation.ReadRowsAsync(Ct).CountAsync(Ct).AsTask());

        Assert.Equal(CdrTransportFailure.Network, ex.Failure);
        Assert.Equal(CdrProvider.Telnyx, ex.Provider);
        Assert.Contains("could not be resumed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1 + TestClients.FastResilience().MaxRetries, _emulator.Requests.Snapshot().Count(r => r.Origin == "download"));
    }

    [Fact]
    public async Task A_server_that_ignores_the_range_is_read_again_and_the_bytes_already_read_are_dropped()
    {
        var file = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"row-{i:D5}")));
        var requests = new List<RangeHeaderValue?>();
        var calls = 0;
        Task<HttpResponseMessage> Get(RangeHeaderValue? range, EntityTagHeaderValue? etag, DateTimeOffset? modified, CancellationToken ct)
        {
            requests.Add(range);
            var cut = ++calls switch { 1 => 10_000, 2 => 30_000, _ => int.MaxValue };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(file, cut)) });
        }

        await using var stream = await ResumableDownloadStream.OpenAsync(Get, maxResumes: 3, CdrProvider.Tsg, (_, _) => { }, Ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);

        Assert.Equal(file, copy.ToArray());
        Assert.Equal([null, 10_000L, 30_000L], requests.Select(r => r?.Ranges.Single().From));
    }

    [Fact]
    public async Task A_range_answer_that_starts_elsewhere_is_refused()
    {
        var file = new byte[50_000];
        var calls = 0;
        Task<HttpResponseMessage> Get(RangeHeaderValue? range, EntityTagHeaderValue? etag, DateTimeOffset? modified, CancellationToken ct)
        {
            if (++calls == 1)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(file, 20_000)) });
            }

            var partial = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new ByteArrayContent(file, 100, file.Length - 100) };
            partial.Content.Headers.ContentRange = new ContentRangeHeaderValue(100, file.Length - 1, file.Length);
            return Task.FromResult(partial);
        }

        await using var stream = await ResumableDownloadStream.OpenAsync(Get, maxResumes: 1, CdrProvider.Tsg, (_, _) => { }, Ct);

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => stream.CopyToAsync(Stream.Null, Ct));
        Assert.Contains("at byte 100, not at 20000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_changed_before_the_resumption_is_refused_not_stitched_together()
    {
        var first = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"old-{i:D5}")));
        var second = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"new-{i:D5}")));
        var calls = 0;
        Task<HttpResponseMessage> Get(RangeHeaderValue? range, EntityTagHeaderValue? etag, DateTimeOffset? modified, CancellationToken ct)
        {
            var response = ++calls == 1
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(first, 10_000)) }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(second) };
            response.Headers.ETag = new EntityTagHeaderValue(calls == 1 ? "\"v1\"" : "\"v2\"");
            return Task.FromResult(response);
        }

        await using var stream = await ResumableDownloadStream.OpenAsync(Get, maxResumes: 3, CdrProvider.Telnyx, (_, _) => { }, Ct);

        var ex = await Assert.ThrowsAsync<CdrTransportException>(() => stream.CopyToAsync(Stream.Null, Ct));
        Assert.Equal(CdrTransportFailure.InvalidResponse, ex.Failure);
        Assert.Contains("The file changed while it was being downloaded (after 10000 bytes were read)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_download_offers_no_blocking_read()
    {
        Task<HttpResponseMessage> Get(RangeHeaderValue? range, EntityTagHeaderValue? etag, DateTimeOffset? modified, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) });

        await using var stream = await ResumableDownloadStream.OpenAsync(Get, maxResumes: 1, CdrProvider.Tsg, (_, _) => { }, Ct);

        var ex = Assert.Throws<NotSupportedException>(() => stream.ReadByte());
        Assert.Contains("only asynchronous reads", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, await stream.ReadAsync(new byte[1], Ct));
    }

    /// <summary>A body that fails with an <see cref="IOException"/> after <c>cut</c> bytes, like a dropped connection.</summary>
    private sealed class BreakingStream(byte[] data, int cut) : MemoryStream(data, writable: false)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= cut)
            {
                throw new IOException("The connection was reset.");
            }

            var allowed = (int)Math.Min(buffer.Length, cut - Position);
            return await base.ReadAsync(buffer[..allowed], cancellationToken);
        }
    }
}
