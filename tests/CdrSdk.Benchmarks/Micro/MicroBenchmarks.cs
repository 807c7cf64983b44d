using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CdrSdk.Core.Json;
using CdrSdk.Kazoo;
using CdrSdk.Kazoo.Api;
using CdrSdk.Telnyx;
using CdrSdk.Voiso;

namespace CdrSdk.Benchmarks.Micro;

/// <summary>
/// Deserializing one Kazoo page of 1000 summaries: item by item (unpaginated listings), in one pass into the SDK's
/// envelope (paginated pages), and in one pass into the raw baseline's class with built-in number handling.
/// </summary>
[MemoryDiagnoser]
public class PageDeserialization
{
    private byte[] _page = [];

    /// <summary>The page <see cref="Setup"/> made (for the other benchmarks that start from it).</summary>
    internal byte[] Page => _page;

    [GlobalSetup]
    public void Setup()
    {
        var data = new Emulator.Kazoo.KazooDataSet(new Emulator.EmulatorDataSet(42, 5000, 5000));
        var from = Emulator.Kazoo.KazooDataSet.Gregorian(Emulator.EmulatorDataSet.Epoch.AddDays(1));
        var legs = data.Legs(Emulator.Kazoo.KazooDataSet.AccountIds[0], null, from, from + 86_400, ascending: true).Take(1000).ToList();
        var json = new StringBuilder("{\"page_size\":\"1000\",\"data\":[");
        json.AppendJoin(',', legs.Select(l =>
            $"{{\"id\":\"{l.CdrId}\",\"call_id\":\"{l.CallId}\",\"caller_id_number\":\"{l.CallerIdNumber}\",\"callee_id_number\":\"{l.CalleeIdNumber}\",\"duration_seconds\":\"{l.DurationSeconds}\",\"billing_seconds\":\"{l.BillingSeconds}\",\"timestamp\":\"{l.Timestamp}\",\"hangup_cause\":\"{l.HangupCause}\",\"direction\":\"{l.CallDirection}\",\"cost\":\"{l.CostUnits}\",\"rate\":\"{l.Rate}\",\"unix_timestamp\":{l.Timestamp - 62167219200},\"media_server\":\"m1\",\"call_priority\":\"\",\"interaction_id\":\"{l.InteractionTime}-{l.InteractionKey}\"}}"));
        json.Append("],\"next_start_key\":\"k\",\"status\":\"success\"}");
        _page = Encoding.UTF8.GetBytes(json.ToString());
    }

    [Benchmark]
    public async Task<int> StreamItemsAsync()
    {
        var count = 0;
        using var stream = new MemoryStream(_page);
        var trailer = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var item in JsonEnvelopeStreamer.ReadAsync(stream, "data", KazooJsonContext.Wire.KazooCdrSummary, trailer, CancellationToken.None))
        {
            count += item is null ? 0 : 1;
        }

        return count;
    }

    [Benchmark]
    public async Task<int> OnePassSdkAsync()
    {
        using var stream = new MemoryStream(_page);
        var page = await JsonSerializer.DeserializeAsync(stream, KazooJsonContext.Wire.JsonEnvelopeListKazooCdrSummary);
        return page!.Data!.Count;
    }

    [Benchmark(Baseline = true)]
    public async Task<int> OnePassRawAsync()
    {
        using var stream = new MemoryStream(_page);
        var page = await JsonSerializer.DeserializeAsync(stream, RawKazooJson.Default.RawKazooPage);
        return page!.Data!.Count;
    }
}

/// <summary>Building and validating a Telnyx filter list with the fluent builder.</summary>
[MemoryDiagnoser]
public class FilterBuilding
{
    [Benchmark]
    public IReadOnlyList<ReportFilter> Build() =>
        ReportFilters.Where(Cli.StartsWith("+1312"))
            .And(Cld.Contains("555"))
            .And(Tags.Any("vip", "support"))
            .Or(BillingGroup.Is("bg-1001"))
            .Build();
}

/// <summary>Encoding a Voiso query with many filters into its query string.</summary>
[MemoryDiagnoser]
public class QueryEncoding
{
    private readonly VoisoCdrQuery _query = new()
    {
        StartedAt = VoisoTimeFilter.Between(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero)),
        Type = [VoisoCdrType.Call, VoisoCdrType.Sms],
        Disposition = [VoisoDisposition.Answered, VoisoDisposition.NoAnswer],
        QueueId = ["301", "302", "303"],
        FromPhoneNumber = ["+13125550100", "+13125550101"],
        TalkDuration = VoisoNumberFilter.AtLeast(60),
        Limit = 1000,
    };

    [Benchmark]
    public int Encode()
    {
        var target = new Core.Http.QueryParameters();
        VoisoQueryEncoder.Encode(_query, VoisoArrayStyle.Brackets, target);
        return target.Count;
    }
}
