using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CdrSdk.Sync.Tests.Infrastructure;

namespace CdrSdk.Sync.Tests.Packaging;

/// <summary>
/// Packs CdrSdk.Sync (and CdrSdk, which it depends on) the way a release would, from a copy of the current sources,
/// and checks what a consumer gets: both target frameworks with XML docs, the package README and icon, the
/// dependencies (CdrSdk and the database drivers, never the other way round), symbols that source-link to the commit.
/// </summary>
public sealed partial class SyncPackageTests : IClassFixture<PackedSync>
{
    private static readonly string[] Frameworks = ["net8.0", "net10.0"];
    private readonly PackedSync _packed;

    public SyncPackageTests(PackedSync packed)
    {
        _packed = packed;
    }

    [Fact]
    public void The_package_is_built_without_a_warning()
    {
        Assert.True(_packed.ExitCode == 0, _packed.Log);
        Assert.DoesNotContain(_packed.Log.Split('\n'), l => l.Contains(": warning ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_nuspec_names_the_package_its_readme_icon_repository_and_dependencies_for_both_frameworks()
    {
        using var package = ZipFile.OpenRead(_packed.Package("CdrSdk.Sync"));
        var metadata = Metadata(package, "CdrSdk.Sync", out var ns);

        Assert.Equal(typeof(CdrClient).Assembly.GetName().Version!.ToString(3), metadata.Element(ns + "version")!.Value);
        Assert.StartsWith("CdrSdk.Sync: ", metadata.Element(ns + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("icon.png", metadata.Element(ns + "icon")!.Value);
        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Combine("assets", "icon.png")), Bytes(package, "icon.png"));
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal(PackedSync.Repository, metadata.Element(ns + "repository")!.Attribute("url")!.Value);
        Assert.Equal(_packed.Commit, metadata.Element(ns + "repository")!.Attribute("commit")!.Value);

        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToDictionary(g => g.Attribute("targetFramework")!.Value, StringComparer.Ordinal);
        Assert.Equal(["net10.0", "net8.0"], groups.Keys.Order(StringComparer.Ordinal));
        foreach (var group in groups.Values)
        {
            var ids = group.Elements(ns + "dependency").ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value, StringComparer.Ordinal);
            Assert.Equal(typeof(CdrClient).Assembly.GetName().Version!.ToString(3), ids["CdrSdk"]);
            Assert.Equal("1.5.6.1", ids["DuckDB.NET.Data.Full"]);
            Assert.Equal("10.0.3", ids["Npgsql"]);
            Assert.DoesNotContain(ids.Keys, id => id.StartsWith("Microsoft.SourceLink", StringComparison.Ordinal));
        }

        foreach (var framework in Frameworks)
        {
            Assert.NotNull(package.GetEntry($"lib/{framework}/CdrSdk.Sync.dll"));
        }
    }

    [Fact]
    public void Both_frameworks_ship_xml_docs_for_every_public_type()
    {
        using var package = ZipFile.OpenRead(_packed.Package("CdrSdk.Sync"));
        var types = typeof(CdrSyncEngine).Assembly.GetExportedTypes().Select(t => "T:" + t.FullName!.Replace('+', '.')).ToList();
        Assert.True(types.Count > 15, $"only {types.Count} public types");

        foreach (var framework in Frameworks)
        {
            var xml = XDocument.Load(package.GetEntry($"lib/{framework}/CdrSdk.Sync.xml")!.Open());
            var documented = xml.Descendants("member").Where(m => !string.IsNullOrWhiteSpace(m.Element("summary")?.Value)).Select(m => m.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
            var missing = types.Where(t => !documented.Contains(t)).ToList();
            Assert.True(missing.Count == 0, $"{framework}: no documentation for {string.Join(", ", missing)}");
            Assert.Contains("M:CdrSdk.Sync.CdrSyncEngine.ResyncAsync(", string.Join('\n', documented), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_package_readme_is_its_own_with_absolute_links_to_files_that_exist()
    {
        using var package = ZipFile.OpenRead(_packed.Package("CdrSdk.Sync"));
        var readme = Encoding.UTF8.GetString(Bytes(package, "README.md"));

        Assert.Equal(File.ReadAllText(RepositoryRoot.Combine("src", "CdrSdk.Sync", "README.md")), readme);
        var links = MarkdownLink().Matches(readme).Select(m => m.Groups["target"].Value).ToList();
        Assert.True(links.Count >= 3, $"only {links.Count} links");
        Assert.All(links, l => Assert.StartsWith("https://github.com/cdrsdk/cdrsdk/blob/main/", l, StringComparison.Ordinal));
        Assert.All(links, l => Assert.True(File.Exists(RepositoryRoot.Combine(l["https://github.com/cdrsdk/cdrsdk/blob/main/".Length..].Split('#')[0].Split('/'))), $"{l} points at no file"));
    }

    [Fact]
    public void The_symbols_package_has_portable_pdbs_that_source_link_to_the_commit()
    {
        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(_packed.Package("CdrSdk.Sync"), ".snupkg"));
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");

        foreach (var framework in Frameworks)
        {
            using var pdb = new MemoryStream();
            symbols.GetEntry($"lib/{framework}/CdrSdk.Sync.pdb")!.Open().CopyTo(pdb);
            pdb.Position = 0;
            using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
            var reader = provider.GetMetadataReader();
            var sourceLink = reader.CustomDebugInformation.Select(reader.GetCustomDebugInformation)
                .Where(info => reader.GetGuid(info.Kind) == sourceLinkKind)
                .Select(info => Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
                .Single();

            Assert.Contains($"https://raw.githubusercontent.com/cdrsdk/cdrsdk/{_packed.Commit}/*", sourceLink, StringComparison.Ordinal);
            Assert.Contains(reader.Documents, d => reader.GetString(reader.GetDocument(d).Name).EndsWith("CdrSyncEngine.cs", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void CdrSdk_depends_on_no_sync_package_or_assembly()
    {
        using var package = ZipFile.OpenRead(_packed.Package("CdrSdk"));
        var metadata = Metadata(package, "CdrSdk", out var ns);
        var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();

        Assert.NotEmpty(dependencies);
        Assert.DoesNotContain(dependencies, id => id.StartsWith("CdrSdk", StringComparison.Ordinal) || id.Contains("DuckDB", StringComparison.Ordinal) || id == "Npgsql");
        Assert.DoesNotContain(typeof(CdrClient).Assembly.GetReferencedAssemblies(), a => a.Name is "CdrSdk.Sync" or "DuckDB.NET.Data" or "Npgsql");
    }

    private static XElement Metadata(ZipArchive package, string id, out XNamespace ns)
    {
        var nuspec = XDocument.Load(package.GetEntry(id + ".nuspec")!.Open());
        ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal(id, metadata.Element(ns + "id")!.Value);
        return metadata;
    }

    private static byte[] Bytes(ZipArchive package, string entry)
    {
        using var stream = package.GetEntry(entry)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MarkdownLink();
}
