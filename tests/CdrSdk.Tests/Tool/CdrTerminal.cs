using System.Text.RegularExpressions;

namespace CdrSdk.Tests.Tool;

/// <summary>
/// Runs the built tool in a real pseudo-terminal (util-linux <c>script</c>), for the tests of what <c>cdr</c> shows on
/// a terminal only (live progress, colour); shared by the SDK's and the sync package's tool tests.
/// </summary>
public static partial class CdrTerminal
{
    /// <summary>Runs <c>cdr</c> with <paramref name="args"/> in <paramref name="workingDirectory"/> on a terminal; its output is what the terminal showed.</summary>
    public static async Task<CdrResult> RunAsync(string workingDirectory, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var script = new[] { "/usr/bin/script", "/bin/script" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("The terminal tests need util-linux 'script' (Debian: bsdutils, an essential package).");
        var command = string.Join(' ', new[] { CdrProcess.DotNet, CdrProcess.ToolPath }.Concat(args).Select(Quote));
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["TERM"] = "xterm-256color", ["SHELL"] = "/bin/sh" };
        using var process = CdrProcess.StartCommand(workingDirectory, script, ["-q", "-e", "-c", command, "/dev/null"], env);
        return await process.WaitAsync();
    }

    /// <summary>A colour (SGR 30-37, 90-97, 38;5;n or 38;2;r;g;b), not merely a reset or a cursor movement.</summary>
    [GeneratedRegex(@"\u001b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[25];[0-9;]+)m", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    public static partial Regex Colour();

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
