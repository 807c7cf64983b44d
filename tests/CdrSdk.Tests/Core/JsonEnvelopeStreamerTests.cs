using System.Text;
using System.Text.Json;
using CdrSdk.Core.Json;
using CdrSdk.Kazoo;
using CdrSdk.Kazoo.Api;

namespace CdrSdk.Tests.Core;

public sealed class JsonEnvelopeStreamerTests
{
    /// <summary>A stream that hands out at most <c>chunk</c> bytes per read, to split tokens at every position.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }

    private static async Task<(List<KazooCdrSummary> Items, Dictionary<string, string?> Envelope)> ReadAsync(string json, int chunk)
    {
        var envelope = new Dictionary<string, string?>();
        var items = new List<KazooCdrSummary>();
        await using var stream = new TrickleStream(Encoding.UTF8.GetBytes(json), chunk);
        await foreach (var item in JsonEnvelopeStreamer.ReadAsync(stream, "data", KazooJsonContext.Wire.KazooCdrSummary, envelope, TestContext.Current.CancellationToken))
        {
            items.Add(item);
        }

        return (items, envelope);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(100_000)]
    public async Task Items_and_envelope_properties_are_read_however_the_body_is_split(int chunk)
    {
        var json = """
            {"status":"success", "meta":{"a":[1,{"b":"}"}]}, "data":[
              {"id":"202401-a","duration_seconds":"61","cost":120,"caller_id_name":"Ann \"A\" \u00e9"},
              {"id":"202401-b","duration_seconds":7,"unknown":{"x":[1,2]}}
            ], "page_size": "50", "next_start_key": "63871234567-12-0", "start_key": 63871200000, "revision": null}
            """;

        var (items, envelope) = await ReadAsync(json, chunk);

        Assert.Equal(["202401-a", "202401-b"], items.Select(i => i.Id));
        Assert.Equal(61, items[0].DurationSeconds);
        Assert.Equal(120, items[0].CostUnits);
        Assert.Equal("Ann \"A\" é", items[0].CallerIdName);
        Assert.Equal("{\"x\":[1,2]}", items[1].AdditionalProperties!["unknown"].GetRawText());
        Assert.Equal("success", envelope["status"]);
        Assert.Equal("50", envelope["page_size"]);
        Assert.Equal("63871234567-12-0", envelope["next_start_key"]);
        Assert.Equal("63871200000", envelope["start_key"]);
        Assert.Null(envelope["revision"]);
        Assert.Equal("{\"a\":[1,{\"b\":\"}\"}]}", envelope["meta"]);
    }

    [Fact]
    public async Task Many_items_stream_through_a_small_buffer()
    {
        var body = new StringBuilder("{\"data\":[");
        for (var i = 0; i < 5000; i++)
        {
            body.Append(i == 0 ? string.Empty : ",").Append("{\"id\":\"202401-").Append(i).Append("\",\"billing_seconds\":").Append(i).Append('}');
        }

        body.Append("]}");
        var (items, _) = await ReadAsync(body.ToString(), 4096);

        Assert.Equal(5000, items.Count);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (long?)i), items.Select(i => i.BillingSeconds));
    }

    [Theory]
    [InlineData("{\"data\":[{\"id\":\"a\"},")]
    [InlineData("[1,2]")]
    [InlineData("{\"data\":5}")]
    [InlineData("{\"data\":[{\"id\":\"a\"}]")]
    [InlineData("<html>")]
    public async Task Broken_bodies_raise_json_errors(string json)
    {
        await Assert.ThrowsAnyAsync<JsonException>(() => ReadAsync(json, 2));
    }

    [Fact]
    public async Task A_null_array_has_no_items()
    {
        var (items, envelope) = await ReadAsync("{\"status\":\"success\",\"data\":null}", 5);

        Assert.Empty(items);
        Assert.Equal("success", envelope["status"]);
    }
}
