using CdrSdk.Tests.Docs;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Sync.Tests.Docs;

/// <summary>Every C# block of docs/sync.md and of the package README compiles against CdrSdk.Sync as it is (the SDK tests compile the other docs).</summary>
public sealed class SyncDocSnippetTests
{
    [Fact]
    public void Every_csharp_block_of_the_sync_guide_and_the_package_readme_compiles()
    {
        var snippets = DocSnippet.Extract("docs/sync.md", File.ReadAllLines(RepositoryPaths.Combine("docs", "sync.md")))
            .Concat(DocSnippet.Extract("src/CdrSdk.Sync/README.md", File.ReadAllLines(RepositoryPaths.Combine("src", "CdrSdk.Sync", "README.md"))))
            .ToList();
        var results = DocSnippetCompiler.Compile(snippets);

        var failures = snippets.SelectMany(s => results[s].Select(d => $"{d.Location.GetMappedLineSpan().Path}:{d.Location.GetMappedLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")).ToList();
        Assert.Equal(2, snippets.Count(s => s.File == "docs/sync.md"));
        Assert.Single(snippets, s => s.File == "src/CdrSdk.Sync/README.md");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
