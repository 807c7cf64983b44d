using System.Text.RegularExpressions;

namespace CdrSdk.Tests.Docs;

/// <summary>
/// One <c>```csharp</c> block of README.md, docs/*.md or a package README: its file, the line its code starts on, the code, and
/// what the line before the fence expects (<c>&lt;!-- snippet: does-not-compile CS1061 --&gt;</c> for a block that
/// shows code the API is designed to reject).
/// </summary>
public sealed partial record DocSnippet(string File, int Line, string Code, string? ExpectedError)
{
    public override string ToString() => $"{File}:{Line}";

    /// <summary>Every C# block of README.md and docs/*.md, in file order.</summary>
    public static IReadOnlyList<DocSnippet> All(string root)
    {
        // The repository README, the guides, and the READMEs the packages show on their package pages.
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal)
                // docs/sync.md shows CdrSdk.Sync, which these tests do not reference: CdrSdk.Sync.Tests compiles its blocks.
                .Where(f => Path.GetFileName(f) != "sync.md"))
            .Concat([Path.Combine(root, "src", "CdrSdk", "README.md"), Path.Combine(root, "src", "CdrSdk.Emulator", "README.md")]);
        return files.SelectMany(f => Extract(Path.GetRelativePath(root, f).Replace('\\', '/'), System.IO.File.ReadAllLines(f))).ToList();
    }

    public static IEnumerable<DocSnippet> Extract(string file, string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var marker = i > 0 ? Marker().Match(lines[i - 1]) : Match.Empty;
            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            yield return new DocSnippet(file, start + 1, string.Join('\n', lines[start..end]), marker.Success ? marker.Groups["code"].Value : null);
            i = end;
        }
    }

    [GeneratedRegex(@"^<!--\s*snippet:\s*does-not-compile\s+(?<code>CS\d{4})\s*-->$", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Marker();
}
