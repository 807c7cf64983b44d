using System.Reflection;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tests.Tool;

namespace CdrSdk.Tests.Samples;

/// <summary>
/// Runs each console sample (built with the tests) against its embedded emulator with standard output redirected,
/// where Spectre.Console lays out for 80 columns: every table row stays on one line (no time, number or phone
/// number folded over several, which leaves lines with empty cells) and no line is wider than 80 columns.
/// </summary>
public sealed class SampleOutputTests
{
    [Fact]
    public async Task Every_sample_table_is_readable_at_80_columns()
    {
        var work = Path.Combine(Path.GetTempPath(), "cdrsdk-samples-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var runs = new[] { "Quickstart", "Kazoo", "Voiso", "Tsg" }.Select(name => RunAsync(work, name)).ToArray();
            var results = await Task.WhenAll(runs);

            foreach (var (name, result) in results)
            {
                Assert.True(result.ExitCode == 0, $"{name}: {result}");
                var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
                Assert.All(lines, l => Assert.True(l.Length <= 80, $"{name}: {l.Length} columns: {l}"));
                var rows = TableRows(lines);
                Assert.True(rows.Count >= 3, $"{name}: {rows.Count} table rows in{Environment.NewLine}{result.Output}");
                // The emulator's records have every field the samples show, so a line with an empty cell is a row
                // folded onto a second line.
                Assert.All(rows, row => Assert.DoesNotContain(row.Split('│')[1..^1], cell => cell.Trim().Length == 0));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // The body rows of every table: the lines between a header rule (├) and the bottom border (└).
    private static List<string> TableRows(string[] lines)
    {
        var rows = new List<string>();
        var inBody = false;
        foreach (var line in lines)
        {
            if (line.StartsWith('├'))
            {
                inBody = true;
            }
            else if (line.StartsWith('└'))
            {
                inBody = false;
            }
            else if (inBody && line.StartsWith('│'))
            {
                rows.Add(line);
            }
        }

        return rows;
    }

    private static async Task<(string Name, CdrResult Result)> RunAsync(string work, string name)
    {
        var configuration = typeof(SampleOutputTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = RepositoryPaths.Combine("samples", $"CdrSdk.Samples.{name}", "bin", configuration, "net10.0", $"CdrSdk.Samples.{name}.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        var folder = Path.Combine(work, name);
        Directory.CreateDirectory(folder);
        using var process = CdrProcess.StartCommand(folder, CdrProcess.DotNet, [dll], environment: null);
        return (name, await process.WaitAsync());
    }
}
