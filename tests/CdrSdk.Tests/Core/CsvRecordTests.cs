using System.Text;
using CdrSdk.Core.Csv;
using CdrSdk.Telnyx;

namespace CdrSdk.Tests.Core;

public sealed class CsvRecordTests
{
    private static async Task<List<CdrReportRow>> ReadAsync(string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var rows = new List<CdrReportRow>();
        await foreach (var row in CsvRecordReader.ReadAsync(stream, (h, f) => new CdrReportRow(h, f), TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task Columns_are_found_by_name_whatever_their_order_case_or_separators()
    {
        var rows = await ReadAsync("Call Duration,FROM,to,Answer-Timestamp,Cost,Extra Column\r\n61,+13125550100,+14155550199,2024-11-01T10:00:05Z,0.0123,hello\r\n");

        var row = Assert.Single(rows);
        Assert.Equal(61, row.DurationSeconds);
        Assert.Equal("+13125550100", row.Cli);
        Assert.Equal("+14155550199", row.Cld);
        Assert.Equal(new DateTimeOffset(2024, 11, 1, 10, 0, 5, TimeSpan.Zero), row.AnsweredAt);
        Assert.Equal(0.0123m, row.Cost);
        Assert.Equal("hello", row["extra_column"]);
        Assert.Equal("hello", row["EXTRA COLUMN"]);
        Assert.Null(row["missing"]);
        Assert.Null(row.Currency);
        Assert.Equal(6, row.FieldCount);
        Assert.Equal("Call Duration", row.Columns[0]);
    }

    [Fact]
    public async Task Quoted_fields_empty_cells_and_blank_lines_are_handled()
    {
        var rows = await ReadAsync("uuid,tags,cost,answer_time\n\"a,1\",\"vip,sales\",,\n\nb-2,support,abc,\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal("a,1", rows[0].Id);
        Assert.Equal(["vip", "sales"], rows[0].Tags);
        Assert.Null(rows[0].Cost);
        Assert.Null(rows[0].AnsweredAt);
        Assert.Null(rows[1].Cost);
        Assert.Equal(["support"], rows[1].Tags);
        Assert.Equal("b-2", rows[1].ToDictionary()["uuid"]);
    }

    [Fact]
    public async Task A_file_with_only_a_header_has_no_rows()
    {
        Assert.Empty(await ReadAsync("uuid,cli,cld\r\n"));
        Assert.Empty(await ReadAsync(string.Empty));
    }
}
