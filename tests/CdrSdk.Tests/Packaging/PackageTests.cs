using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Text;
using System.Xml.Linq;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Packaging;

/// <summary>
/// Packs CdrSdk, CdrSdk.Emulator and CdrSdk.Sync the way a release would (Release, ContinuousIntegrationBuild, a GitHub remote)
/// from a copy of the current sources, and checks what a consumer gets: id and version, README, license,
/// repository, dependencies, both target frameworks with XML docs for every public member, symbols, and SourceLink
/// in the PDBs; PackagePageTests.cs checks the icons, the package READMEs and the emulator package.
/// </summary>
public sealed partial class PackageTests : IClassFixture<PackageTests.PackedSdk>
{
    private const string Repository = "https://github.com/cdrsdk/cdrsdk.git";
    private static readonly string[] Frameworks = ["net8.0", "net10.0"];
    private readonly PackedSdk _packed;

    public PackageTests(PackedSdk packed)
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
    public void The_nuspec_names_the_package_its_license_readme_repository_and_dependencies()
    {
        using var package = ZipFile.OpenRead(_packed.Package);
        var nuspec = XDocument.Load(package.GetEntry("CdrSdk.nuspec")!.Open());
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("CdrSdk", metadata.Element(ns + "id")!.Value);
        Assert.Equal(typeof(CdrClient).Assembly.GetName().Version!.ToString(3), metadata.Element(ns + "version")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal(Repository, repository.Attribute("url")!.Value);
        Assert.Equal(_packed.Commit, repository.Attribute("commit")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")!.Value));
        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToDictionary(g => g.Attribute("targetFramework")!.Value, StringComparer.Ordinal);
        Assert.Equal(["net10.0", "net8.0"], groups.Keys.Order(StringComparer.Ordinal));
        Assert.All(groups.Values, g => Assert.Contains(g.Elements(ns + "dependency"), d => d.Attribute("id")!.Value == "Polly.Core" && d.Attribute("version")!.Value == "8.9.1"));
        Assert.All(groups.Values, g => Assert.DoesNotContain(g.Elements(ns + "dependency"), d => d.Attribute("id")!.Value.StartsWith("Microsoft.SourceLink", StringComparison.Ordinal)));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "CdrSdk", "README.md")), new StreamReader(package.GetEntry("README.md")!.Open()).ReadToEnd());
    }

    [Theory]
    [InlineData("CdrSdk", 500)]
    [InlineData("CdrSdk.Sync", 100)]
    public void Both_frameworks_ship_the_assembly_with_xml_docs_for_every_public_member(string id, int atLeast)
    {
        using var package = ZipFile.OpenRead(PackageOf(id));
        var expected = DocumentationIds(id == "CdrSdk" ? typeof(CdrClient).Assembly : typeof(CdrSdk.Sync.CdrSyncEngine).Assembly).ToList();
        Assert.True(expected.Count > atLeast, $"only {expected.Count} public members found");

        foreach (var framework in Frameworks)
        {
            Assert.NotNull(package.GetEntry($"lib/{framework}/{id}.dll"));
            var xml = XDocument.Load(package.GetEntry($"lib/{framework}/{id}.xml")!.Open());
            var documented = xml.Descendants("member")
                .Where(m => m.Element("summary") is { } summary && !string.IsNullOrWhiteSpace(summary.Value) || m.Element("inheritdoc") is not null)
                .Select(m => m.Attribute("name")!.Value)
                .ToHashSet(StringComparer.Ordinal);
            var missing = expected.Where(id => !documented.Contains(id)).ToList();
            Assert.True(missing.Count == 0, $"{framework}: no documentation for {string.Join(", ", missing.Take(10))}");
        }
    }

    [Theory]
    [InlineData("CdrSdk", "CallRecord.cs")]
    [InlineData("CdrSdk.Emulator", "CdrEmulator.cs")]
    [InlineData("CdrSdk.Sync", "CdrSyncEngine.cs")]
    public void The_symbols_package_has_portable_pdbs_that_source_link_to_the_commit(string id, string source)
    {
        using var symbols = ZipFile.OpenRead(Path.ChangeExtension(PackageOf(id), ".snupkg"));
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");

        foreach (var framework in Frameworks)
        {
            using var pdb = new MemoryStream();
            symbols.GetEntry($"lib/{framework}/{id}.pdb")!.Open().CopyTo(pdb);
            pdb.Position = 0;
            using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
            var reader = provider.GetMetadataReader();
            var sourceLink = reader.CustomDebugInformation
                .Select(reader.GetCustomDebugInformation)
                .Where(info => reader.GetGuid(info.Kind) == sourceLinkKind)
                .Select(info => Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
                .Single();

            Assert.Contains($"https://raw.githubusercontent.com/cdrsdk/cdrsdk/{_packed.Commit}/*", sourceLink, StringComparison.Ordinal);
            Assert.Contains(reader.Documents, d => reader.GetString(reader.GetDocument(d).Name).EndsWith(source, StringComparison.Ordinal));
        }
    }

    /// <summary>The XML documentation ids of the public types, properties, fields, events and simple methods.</summary>
    private static IEnumerable<string> DocumentationIds(Assembly assembly)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetExportedTypes())
        {
            var name = type.FullName!.Replace('+', '.');
            yield return "T:" + name;
            if (type.IsEnum)
            {
                foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    yield return $"F:{name}.{field.Name}";
                }

                continue;
            }

            foreach (var property in type.GetProperties(Declared).Where(p => p.GetIndexParameters().Length == 0 && !IsOverride(p.GetMethod ?? p.SetMethod!)))
            {
                yield return $"P:{name}.{property.Name}";
            }

            foreach (var field in type.GetFields(Declared))
            {
                yield return $"F:{name}.{field.Name}";
            }

            foreach (var method in type.GetMethods(Declared).Where(m => !m.IsSpecialName && !m.IsGenericMethod && !IsOverride(m) && !m.Name.Contains('<', StringComparison.Ordinal)))
            {
                var parameters = method.GetParameters().Select(p => DocumentationName(p.ParameterType)).ToList();
                if (parameters.All(p => p is not null) && !IsRecordMember(method))
                {
                    yield return $"M:{name}.{method.Name}" + (parameters.Count > 0 ? "(" + string.Join(",", parameters) + ")" : string.Empty);
                }
            }
        }
    }

    private static bool IsOverride(MethodInfo method) => method.GetBaseDefinition().DeclaringType != method.DeclaringType || method.DeclaringType!.IsInterface && method.IsStatic;

    // Equals(T) and the like of records (classes have <Clone>$, record structs only PrintMembers) are compiler-generated
    // and documented by the compiler's rules, not by us.
    private static bool IsRecordMember(MethodInfo method) =>
        (method.DeclaringType!.GetMethod("<Clone>$") ?? method.DeclaringType.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)) is not null
        && method.Name is "Equals" or "GetHashCode" or "ToString" or "PrintMembers" or "Deconstruct";

    /// <summary>A parameter type as XML doc ids write it, or <see langword="null"/> for the shapes this test does not spell.</summary>
    private static string? DocumentationName(Type type)
    {
        if (type.IsByRef || type.IsPointer || type.IsGenericParameter)
        {
            return null;
        }

        if (type.IsArray)
        {
            return DocumentationName(type.GetElementType()!) is { } element ? element + "[]" : null;
        }

        if (!type.IsGenericType)
        {
            return type.FullName!.Replace('+', '.');
        }

        var definition = type.GetGenericTypeDefinition().FullName!;
        var arguments = type.GetGenericArguments().Select(DocumentationName).ToList();
        return arguments.Any(a => a is null) ? null : definition[..definition.IndexOf('`', StringComparison.Ordinal)].Replace('+', '.') + "{" + string.Join(",", arguments) + "}";
    }

    /// <summary>Copies the sources of the three packages into a fresh git repository with a GitHub remote and packs them once for all tests.</summary>
    public sealed class PackedSdk : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "cdrsdk-pack-" + Guid.NewGuid().ToString("N"));

        public PackedSdk()
        {
            var root = RepositoryPaths.Root;
            foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "nuget.config", "README.md", "LICENSE", ".editorconfig" })
            {
                Directory.CreateDirectory(_directory);
                File.Copy(Path.Combine(root, file), Path.Combine(_directory, file));
            }

            CopySources(Path.Combine(root, "src", "CdrSdk"), Path.Combine(_directory, "src", "CdrSdk"));
            CopySources(Path.Combine(root, "src", "CdrSdk.Emulator"), Path.Combine(_directory, "src", "CdrSdk.Emulator"));
            CopySources(Path.Combine(root, "src", "CdrSdk.Sync"), Path.Combine(_directory, "src", "CdrSdk.Sync"));
            CopySources(Path.Combine(root, "assets"), Path.Combine(_directory, "assets"));
            Run("git", "init -q");
            Run("git", "add -A");
            Run("git", "-c user.name=pack -c user.email=pack@cdrsdk.test commit -q -m pack");
            Run("git", "remote add origin " + Repository);
            Commit = Run("git", "rev-parse HEAD").Output.Trim();
            var pack = Run("dotnet", "pack src/CdrSdk/CdrSdk.csproj -c Release -o out -p:ContinuousIntegrationBuild=true -nologo", check: false);
            var emulator = pack.ExitCode == 0
                ? Run("dotnet", "pack src/CdrSdk.Emulator/CdrSdk.Emulator.csproj -c Release -o out -p:ContinuousIntegrationBuild=true -nologo", check: false)
                : (ExitCode: 0, Output: string.Empty);
            var sync = pack.ExitCode == 0 && emulator.ExitCode == 0
                ? Run("dotnet", "pack src/CdrSdk.Sync/CdrSdk.Sync.csproj -c Release -o out -p:ContinuousIntegrationBuild=true -nologo", check: false)
                : (ExitCode: 0, Output: string.Empty);
            ExitCode = new[] { pack.ExitCode, emulator.ExitCode, sync.ExitCode }.FirstOrDefault(code => code != 0);
            Log = pack.Output + emulator.Output + sync.Output;
            var version = typeof(CdrClient).Assembly.GetName().Version!.ToString(3);
            Package = Path.Combine(_directory, "out", $"CdrSdk.{version}.nupkg");
            EmulatorPackage = Path.Combine(_directory, "out", $"CdrSdk.Emulator.{version}.nupkg");
            SyncPackage = Path.Combine(_directory, "out", $"CdrSdk.Sync.{version}.nupkg");
        }

        public string Commit { get; }

        public int ExitCode { get; }

        public string Log { get; }

        public string Package { get; }

        public string EmulatorPackage { get; }

        public string SyncPackage { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file for a moment; the temporary directory is cleaned by the OS.
            }
        }

        private static void CopySources(string from, string to)
        {
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
                File.Copy(file, Path.Combine(to, relative));
            }
        }

        private (int ExitCode, string Output) Run(string program, string arguments, bool check = true)
        {
            var start = new ProcessStartInfo(program, arguments)
            {
                WorkingDirectory = _directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd() + error.GetAwaiter().GetResult();
            if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {arguments} did not finish in 10 minutes.");
            }

            if (check && process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {output}");
            }

            return (process.ExitCode, output);
        }
    }
}
