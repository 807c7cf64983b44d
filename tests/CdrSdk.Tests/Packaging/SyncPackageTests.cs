using System.IO.Compression;

namespace CdrSdk.Tests.Packaging;

/// <summary>
/// The CdrSdk.Sync package (packed with the others by <see cref="PackedSdk"/>): its title, repository and dependencies
/// for both frameworks (CdrSdk and the database drivers), and never the other way round: CdrSdk depends on no sync
/// package or assembly.
/// </summary>
public sealed partial class PackageTests
{
    [Fact]
    public void The_sync_package_depends_on_cdrsdk_and_the_database_drivers_for_both_frameworks()
    {
        using var package = ZipFile.OpenRead(_packed.SyncPackage);
        var metadata = Metadata(package, "CdrSdk.Sync", out var ns);
        var version = typeof(CdrClient).Assembly.GetName().Version!.ToString(3);

        Assert.Equal(version, metadata.Element(ns + "version")!.Value);
        Assert.StartsWith("CdrSdk.Sync: ", metadata.Element(ns + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal(Repository, metadata.Element(ns + "repository")!.Attribute("url")!.Value);
        Assert.Equal(_packed.Commit, metadata.Element(ns + "repository")!.Attribute("commit")!.Value);
        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToDictionary(g => g.Attribute("targetFramework")!.Value, StringComparer.Ordinal);
        Assert.Equal(["net10.0", "net8.0"], groups.Keys.Order(StringComparer.Ordinal));
        foreach (var group in groups.Values)
        {
            var ids = group.Elements(ns + "dependency").ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value, StringComparer.Ordinal);
            Assert.Equal(version, ids["CdrSdk"]);
            Assert.Equal("1.5.6.1", ids["DuckDB.NET.Data.Full"]);
            Assert.Equal("10.0.3", ids["Npgsql"]);
            Assert.DoesNotContain(ids.Keys, id => id.StartsWith("Microsoft.SourceLink", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void CdrSdk_depends_on_no_sync_package_or_assembly()
    {
        using var package = ZipFile.OpenRead(_packed.Package);
        var dependencies = Metadata(package, "CdrSdk", out var ns).Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();

        Assert.NotEmpty(dependencies);
        Assert.DoesNotContain(dependencies, id => id.StartsWith("CdrSdk", StringComparison.Ordinal) || id.Contains("DuckDB", StringComparison.Ordinal) || id == "Npgsql");
        Assert.DoesNotContain(typeof(CdrClient).Assembly.GetReferencedAssemblies(), a => a.Name is "CdrSdk.Sync" or "DuckDB.NET.Data" or "Npgsql");
    }
}
