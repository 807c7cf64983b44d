using System.Text;
using System.Text.Json;
using CdrSdk.Tool.Output;

namespace CdrSdk.Tests.Tool;

public sealed class CallRecordWriterTests
{
    private static readonly CallRecord Hostile = new()
    {
        Provider = CdrProvider.Voiso,
        Id = "+1-id",
        Kind = CallKind.Call,
        Direction = CallDirection.Inbound,
        From = "=HYPERLINK(\"http://evil.test\",\"x\")",
        To = "@SUM(A1:A9)",
        StartedAt = new DateTimeOffset(2026, 10, 1, 8, 15, 2, 123, TimeSpan.FromHours(2)),
        Duration = TimeSpan.FromSeconds(61.5),
        BillableDuration = TimeSpan.FromSeconds(60),
        Outcome = CallOutcome.NoAnswer,
        RawOutcome = "-2+3",
        Cost = -0.25m,
        Currency = "a,b\nc",
        ProviderRecord = new object(),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Csv_cells_a_spreadsheet_would_run_are_neutralized()
    {
        var text = await WriteCsvAsync(spreadsheetSafe: true);

        Assert.Equal(
            "provider,id,kind,direction,from,to,started_at,answered_at,ended_at,duration_seconds,billable_seconds,outcome,raw_outcome,cost,currency\r\n"
            + "voiso,\"'+1-id\",call,inbound,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\",\"'@SUM(A1:A9)\",2026-10-01T06:15:02.123Z,,,61.5,60,no_answer,\"'-2+3\",\"'-0.25\",\"a,b\nc\"\r\n",
            text);
    }

    [Fact]
    public async Task Csv_cells_are_written_as_they_are_when_asked()
    {
        var text = await WriteCsvAsync(spreadsheetSafe: false);

        Assert.EndsWith("voiso,+1-id,call,inbound,\"=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\",@SUM(A1:A9),2026-10-01T06:15:02.123Z,,,61.5,60,no_answer,-2+3,-0.25,\"a,b\nc\"\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lines_keep_values_exact_with_nulls_for_absent_fields()
    {
        using var stream = new MemoryStream();
        await using (var writer = new JsonLinesCallRecordWriter(stream))
        {
            await writer.WriteHeaderAsync(Ct);
            await writer.WriteAsync(Hostile, Ct);
            await writer.WriteAsync(Hostile with { Cost = null }, Ct);
            await writer.FlushAsync(Ct);
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Empty, lines[2]);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(Hostile.From, root.GetProperty("from").GetString());
        Assert.Equal("2026-10-01T06:15:02.123Z", root.GetProperty("started_at").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("answered_at").ValueKind);
        Assert.Equal(61.5, root.GetProperty("duration_seconds").GetDouble());
        Assert.Equal(-0.25m, root.GetProperty("cost").GetDecimal());
        Assert.Equal("no_answer", root.GetProperty("outcome").GetString());
        Assert.Equal("a,b\nc", root.GetProperty("currency").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("cost").ValueKind);
        Assert.Equal(Hostile.Id, second.RootElement.GetProperty("id").GetString());
        Assert.Equal(CallRecordColumns.Names, root.EnumerateObject().Select(p => p.Name));
    }

    private static async Task<string> WriteCsvAsync(bool spreadsheetSafe)
    {
        using var stream = new MemoryStream();
        await using (var writer = new CsvCallRecordWriter(stream, spreadsheetSafe))
        {
            await writer.WriteHeaderAsync(Ct);
            await writer.WriteAsync(Hostile, Ct);
            await writer.FlushAsync(Ct);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
