using System.Text;
using CdrSdk.Core.Csv;

namespace CdrSdk.Tests.Core;

public sealed class ConcatenatedCsvStreamTests
{
    private static async Task<string> ConcatAsync(params string[] parts)
    {
        var opened = 0;
        await using var stream = new ConcatenatedCsvStream((i, _) =>
        {
            opened = Math.Max(opened, i + 1);
            return Task.FromResult<Stream?>(i < parts.Length ? new MemoryStream(Encoding.UTF8.GetBytes(parts[i])) : null);
        });
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Equal(parts.Length + 1, opened);
        return text;
    }

    [Fact]
    public async Task Parts_become_one_file_with_one_header()
    {
        var text = await ConcatAsync("id,a\r\n1,x\r\n", "id,a\r\n2,y\r\n3,z\r\n", "id,a\r\n", "id,a\n4,w\n");

        Assert.Equal("id,a\r\n1,x\r\n2,y\r\n3,z\r\n4,w\n", text);
    }

    [Fact]
    public async Task A_header_split_across_reads_is_still_dropped()
    {
        var longHeader = string.Join(',', Enumerable.Range(0, 3000).Select(i => "column" + i));
        var text = await ConcatAsync(longHeader + "\n1\n", longHeader + "\n2\n");

        Assert.Equal(longHeader + "\n1\n2\n", text);
    }

    [Fact]
    public async Task No_parts_is_an_empty_file()
    {
        Assert.Equal(string.Empty, await ConcatAsync());
    }
}
