using System.Diagnostics;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Packaging;

/// <summary>
/// The build settings the house rules promise, read from MSBuild itself: the packed libraries keep CS1591 (a
/// public member without XML docs) an error, while tests and tools are exempt from it.
/// </summary>
public sealed class BuildSettingsTests
{
    [Theory]
    [InlineData("src/CdrSdk/CdrSdk.csproj")]
    [InlineData("src/CdrSdk.Emulator/CdrSdk.Emulator.csproj")]
    public async Task Packed_libraries_do_not_suppress_missing_xml_docs(string project)
    {
        var settings = await PropertiesAsync(project);

        Assert.Equal("true", settings["IsLibraryProject"]);
        Assert.Equal("true", settings["TreatWarningsAsErrors"]);
        Assert.Equal("true", settings["GenerateDocumentationFile"]);
        Assert.DoesNotContain("CS1591", settings["NoWarn"].Split(';', StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("tests/CdrSdk.Tests/CdrSdk.Tests.csproj")]
    [InlineData("src/CdrSdk.Cli/CdrSdk.Cli.csproj")]
    public async Task Tests_and_tools_are_exempt_from_xml_docs(string project)
    {
        var settings = await PropertiesAsync(project);

        Assert.NotEqual("true", settings["IsLibraryProject"]);
        Assert.Contains("CS1591", settings["NoWarn"].Split(';', StringSplitOptions.TrimEntries));
    }

    private static async Task<Dictionary<string, string>> PropertiesAsync(string project)
    {
        string[] names = ["IsLibraryProject", "TreatWarningsAsErrors", "GenerateDocumentationFile", "NoWarn"];
        var start = new ProcessStartInfo("dotnet", $"msbuild {project} -nologo -p:TargetFramework=net10.0 {string.Join(' ', names.Select(n => "-getProperty:" + n))}")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, output + await error);

        var json = System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("Properties");
        return names.ToDictionary(n => n, n => json.GetProperty(n).GetString() ?? string.Empty, StringComparer.Ordinal);
    }
}
