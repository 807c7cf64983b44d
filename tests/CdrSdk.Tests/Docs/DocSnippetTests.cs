using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Docs;

/// <summary>
/// Every <c>```csharp</c> block of README.md and docs/*.md compiles against the SDK as it is (see
/// <see cref="DocSnippetCompiler"/> for how a block is put in context), and a block marked
/// <c>&lt;!-- snippet: does-not-compile CSxxxx --&gt;</c> fails with exactly that error.
/// </summary>
public sealed class DocSnippetTests
{
    private static readonly Lazy<(IReadOnlyList<DocSnippet> Snippets, IReadOnlyDictionary<DocSnippet, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic>> Results)> Compiled = new(() =>
    {
        var snippets = DocSnippet.All(RepositoryPaths.Root);
        return (snippets, DocSnippetCompiler.Compile(snippets));
    });

    [Fact]
    public void Every_csharp_block_in_the_readme_and_docs_compiles()
    {
        var (snippets, results) = Compiled.Value;

        var failures = snippets.Where(s => s.ExpectedError is null)
            .SelectMany(s => results[s].Select(d => $"{d.Location.GetMappedLineSpan().Path}:{d.Location.GetMappedLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"))
            .ToList();

        Assert.True(snippets.Count >= 25, $"only {snippets.Count} blocks found");
        Assert.Contains(snippets, s => s.File == "README.md");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Blocks_that_show_rejected_code_fail_with_the_error_they_name()
    {
        var (snippets, results) = Compiled.Value;

        var rejected = snippets.Where(s => s.ExpectedError is not null).ToList();

        Assert.NotEmpty(rejected);
        Assert.All(rejected, s => Assert.Equal([s.ExpectedError], results[s].Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.Id).Distinct()));
    }

    [Fact]
    public void The_check_catches_a_loop_variable_that_shadows_the_client_and_an_unknown_namespace()
    {
        string[] lines =
        [
            "```csharp",
            "await foreach (KazooCdrSummary cdr in cdr.Kazoo.Cdrs.ListAsync(accountId, null, ct)) { }",
            "```",
            "```csharp",
            "using CdrSdk.Records;",
            "Console.WriteLine();",
            "```",
            "```csharp",
            "await foreach (KazooCdrSummary summary in cdr.Kazoo.Cdrs.ListAsync(accountId, null, ct)) { Console.WriteLine(summary.Id); }",
            "```",
        ];
        var snippets = DocSnippet.Extract("test.md", lines).ToList();

        var results = DocSnippetCompiler.Compile(snippets);

        Assert.Contains(results[snippets[0]], d => d.Id == "CS0136");
        Assert.Contains(results[snippets[1]], d => d.Id == "CS0234" && d.Location.GetMappedLineSpan().Path == "test.md" && d.Location.GetMappedLineSpan().StartLinePosition.Line == 4);
        Assert.Empty(results[snippets[2]]);
    }

    [Fact]
    public void Every_assumed_variable_is_used_by_some_block()
    {
        var (snippets, _) = Compiled.Value;

        var unused = DocSnippetCompiler.Context.Keys.Where(name => !snippets.Any(s => System.Text.RegularExpressions.Regex.IsMatch(s.Code, $@"\b{name}\b", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))).ToList();

        Assert.Empty(unused);
    }
}
