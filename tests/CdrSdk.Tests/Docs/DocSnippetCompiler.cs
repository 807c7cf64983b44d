using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CdrSdk.Tests.Docs;

/// <summary>
/// Compiles doc snippets in process with Roslyn, against the assemblies the test itself runs on (the SDK, the
/// emulator, xunit, the .NET and ASP.NET Core frameworks): one compilation for all blocks, so the whole check costs
/// a second or two instead of a project build per block.
/// </summary>
/// <remarks>
/// A block is compiled the way a reader pastes it. Its <c>using</c> directives and type declarations stay at file
/// level; its statements become the body of an async method. A block with <c>using</c> directives is a complete
/// program and gets only the .NET implicit usings besides its own; a block without gets the SDK's public
/// namespaces too (the docs say so). Names a block uses without declaring them at its top level are the
/// surrounding code the docs assume: <see cref="Context"/> declares them (<c>cdr</c>, <c>ct</c>, <c>since</c> ...)
/// before the block, so a block that redeclares one in a nested scope (a loop variable <c>cdr</c>) fails as it
/// would in a reader's code. <c>#line</c> directives make every diagnostic name the doc file and line.
/// </remarks>
public static class DocSnippetCompiler
{
    /// <summary>The variables the docs assume exist, by name, as declarations.</summary>
    public static readonly IReadOnlyDictionary<string, string> Context = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cdr"] = "ICdrClient cdr = null!;",
        ["ct"] = "CancellationToken ct = default;",
        ["since"] = "DateTimeOffset since = default;",
        ["until"] = "DateTimeOffset until = default;",
        ["from"] = "DateTimeOffset from = default;",
        ["to"] = "DateTimeOffset to = default;",
        ["yesterday"] = "DateTimeOffset yesterday = default;",
        ["today"] = "DateTimeOffset today = default;",
        ["accountId"] = "string accountId = \"\";",
        ["userId"] = "string userId = \"\";",
        ["provider"] = "string provider = \"\";",
        ["key"] = "string key = \"\";",
        ["url"] = "Uri url = null!;",
        ["kazooUrl"] = "Uri kazooUrl = null!;",
        ["savedToken"] = "string? savedToken = null;",
        ["request"] = "CdrSdk.Telnyx.CdrReportRequest request = null!;",
        ["query"] = "CdrSdk.Tsg.TsgCdrQuery query = null!;",
        ["op"] = "CdrSdk.Telnyx.ReportOperation<CdrSdk.Telnyx.CdrReport> op = null!;",
        ["someSummary"] = "CdrSdk.Kazoo.KazooCdrSummary someSummary = null!;",
        ["source"] = "CdrSdk.Paging.AsyncPageable<CallRecord> source = null!;",
        ["emulator"] = "CdrSdk.Emulator.CdrEmulator emulator = null!;",
        ["builder"] = "Microsoft.Extensions.Hosting.HostApplicationBuilder builder = null!;",
    };

    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] SdkNamespaces =
        ["CdrSdk", "CdrSdk.Paging", "CdrSdk.Telnyx", "CdrSdk.Voiso", "CdrSdk.Tsg", "CdrSdk.Kazoo", "CdrSdk.Emulator", "Microsoft.Extensions.DependencyInjection",
            "Microsoft.Extensions.Time.Testing"];

    /// <summary>Helpers the docs call as placeholders for the reader's own code.</summary>
    private const string Helpers = """
        namespace DocSnippets;

        internal static class Placeholders
        {
            public static void Process<T>(IReadOnlyList<T> values) => _ = values;

            public static void Save(string? token) => _ = token;
        }

        /// <summary>The reader's own code under test in docs/emulator.md.</summary>
        internal sealed class BillingExport(CdrSdk.ICdrClient cdr)
        {
            public Task<IReadOnlyList<CdrSdk.CallRecord>> RunAsync(DateTimeOffset day) => Task.FromResult<IReadOnlyList<CdrSdk.CallRecord>>([]);
        }
        """;

    /// <summary>Compiles every snippet; returns each one's diagnostics (errors, and warnings a reader's build would show).</summary>
    public static IReadOnlyDictionary<DocSnippet, IReadOnlyList<Diagnostic>> Compile(IReadOnlyList<DocSnippet> snippets)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = snippets.Select((s, i) => CSharpSyntaxTree.ParseText(Wrap(s, i, parse), parse, path: $"snippet{i}.cs", encoding: Encoding.UTF8)).ToList();
        var helpers = CSharpSyntaxTree.ParseText(
            string.Join('\n', ImplicitUsings.Select(u => $"global using {u};")) + "\n" + Helpers, parse, path: "helpers.cs");
        var compilation = CSharpCompilation.Create(
            "DocSnippets",
            [.. trees, helpers],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var diagnostics = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.WarningLevel <= 4))
            .Where(d => d.Id is not ("CS1998" or "CS0219" or "CS0168" or "CS8321" or "CS0105"))
            .ToList();
        return snippets.Select((s, i) => (s, i)).ToDictionary(
            p => p.s,
            p => (IReadOnlyList<Diagnostic>)diagnostics.Where(d => d.Location.SourceTree == trees[p.i]).ToList());
    }

    private static string Wrap(DocSnippet snippet, int index, CSharpParseOptions parse)
    {
        var unit = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(snippet.Code, parse).GetRoot();
        var text = new StringBuilder();
        var ownUsings = unit.Usings.Count > 0;
        foreach (var name in ownUsings ? [] : SdkNamespaces)
        {
            text.Append("using ").Append(name).AppendLine(";");
        }

        foreach (var directive in unit.Usings)
        {
            Emit(text, snippet, directive);
        }

        text.AppendLine("using static DocSnippets.Placeholders;");
        text.Append("namespace DocSnippets.Block").Append(index).AppendLine(" {");
        foreach (var member in unit.Members.Where(m => m is not GlobalStatementSyntax))
        {
            Emit(text, snippet, member);
        }

        text.AppendLine("#line default").AppendLine("internal static class Block { internal static async Task RunAsync() {");
        var statements = unit.Members.OfType<GlobalStatementSyntax>().ToList();
        var declared = statements.Select(s => s.Statement).OfType<LocalDeclarationStatementSyntax>()
            .SelectMany(d => d.Declaration.Variables).Select(v => v.Identifier.Text).ToHashSet(StringComparer.Ordinal);

        // var (from, to) = ...; and out var x at the top level declare too (not those inside a nested block or lambda).
        declared.UnionWith(statements.SelectMany(s => s.DescendantNodes().OfType<SingleVariableDesignationSyntax>()
            .Where(d => !d.Ancestors().TakeWhile(a => a != s).Any(a => a is BlockSyntax or LambdaExpressionSyntax))
            .Select(d => d.Identifier.Text)));
        var used = unit.DescendantNodes().OfType<IdentifierNameSyntax>().Select(n => n.Identifier.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, declaration) in Context)
        {
            if (used.Contains(name) && !declared.Contains(name))
            {
                text.AppendLine(declaration);
            }
        }

        foreach (var statement in statements)
        {
            Emit(text, snippet, statement);
        }

        text.AppendLine("#line default").AppendLine("await Task.CompletedTask; } } }");
        return text.ToString();
    }

    private static void Emit(StringBuilder text, DocSnippet snippet, SyntaxNode node)
    {
        var line = node.GetLocation().GetLineSpan().StartLinePosition.Line;
        text.Append("#line ").Append(snippet.Line + line).Append(" \"").Append(snippet.File).AppendLine("\"");
        text.AppendLine(node.ToString());
    }

    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => MetadataReference.CreateFromFile(p));
}
