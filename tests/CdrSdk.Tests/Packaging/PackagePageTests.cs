using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Packaging;

/// <summary>What a package page shows (icon, README with links that work there), the CdrSdk.Emulator and the CdrSdk.Sync packages.</summary>
public sealed partial class PackageTests
{
    public static TheoryData<string> Packages => ["CdrSdk", "CdrSdk.Emulator", "CdrSdk.Sync"];

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_package_has_the_icon_and_its_own_readme_whose_links_are_absolute(string id)
    {
        using var package = ZipFile.OpenRead(PackageOf(id));
        var metadata = Metadata(package, id, out var ns);

        Assert.Equal("icon.png", metadata.Element(ns + "icon")!.Value);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "assets", "icon.png")), Bytes(package, "icon.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Bytes(package, "icon.png")[..4]);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        var readme = Encoding.UTF8.GetString(Bytes(package, "README.md"));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", id, "README.md")), readme);

        var links = MarkdownLink().Matches(readme).Select(m => m.Groups["target"].Value).ToList();
        Assert.True(links.Count >= 2, $"{id}: only {links.Count} links in the package README");
        Assert.All(links, l => Assert.StartsWith("https://github.com/cdrsdk/cdrsdk/", l, StringComparison.Ordinal));
        Assert.All(links.Where(l => l.Contains("/blob/main/", StringComparison.Ordinal)), l =>
        {
            var path = l[(l.IndexOf("/blob/main/", StringComparison.Ordinal) + "/blob/main/".Length)..].Split('#')[0];
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, path)), $"{id}: {l} points at no file of the repository");
        });
    }

    [Fact]
    public void The_emulator_package_targets_net8_and_net10_with_title_urls_and_the_aspnetcore_framework()
    {
        using var package = ZipFile.OpenRead(_packed.EmulatorPackage);
        var metadata = Metadata(package, "CdrSdk.Emulator", out var ns);

        Assert.Equal(typeof(CdrClient).Assembly.GetName().Version!.ToString(3), metadata.Element(ns + "version")!.Value);
        Assert.StartsWith("CdrSdk.Emulator: ", metadata.Element(ns + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal("https://github.com/cdrsdk/cdrsdk", metadata.Element(ns + "projectUrl")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal(Repository, repository.Attribute("url")!.Value);
        Assert.Equal(_packed.Commit, repository.Attribute("commit")!.Value);
        var frameworks = metadata.Element(ns + "frameworkReferences")!.Elements(ns + "group").ToList();
        Assert.Equal(["net10.0", "net8.0"], frameworks.Select(g => g.Attribute("targetFramework")!.Value).Order(StringComparer.Ordinal));
        Assert.All(frameworks, g => Assert.Equal("Microsoft.AspNetCore.App", g.Element(ns + "frameworkReference")!.Attribute("name")!.Value));
        foreach (var framework in Frameworks)
        {
            Assert.NotNull(package.GetEntry($"lib/{framework}/CdrSdk.Emulator.dll"));
            Assert.NotNull(package.GetEntry($"lib/{framework}/CdrSdk.Emulator.xml"));
        }
    }

    private string PackageOf(string id) => id switch
    {
        "CdrSdk" => _packed.Package,
        "CdrSdk.Sync" => _packed.SyncPackage,
        _ => _packed.EmulatorPackage,
    };

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
