using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;

namespace CdrSdk.Tests.Packaging;

/// <summary>
/// Publishes samples/CdrSdk.Samples.Aot with Native AOT for net8.0 and net10.0 and runs each native binary against
/// the emulator for every provider: the publish must print no trim or AOT warning, and the binary must read exactly
/// the records the SDK reads when it runs on the JIT.
/// </summary>
public sealed partial class NativeAotTests : IClassFixture<NativeAotTests.PublishedSample>, IAsyncLifetime
{
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-3);
    private static readonly DateTimeOffset Until = Since.AddHours(6);
    private readonly PublishedSample _sample;
    private CdrEmulator _emulator = null!;

    public NativeAotTests(PublishedSample sample)
    {
        _sample = sample;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    public static TheoryData<string, string> FrameworksAndProviders()
    {
        var data = new TheoryData<string, string>();
        foreach (var framework in PublishedSample.Frameworks)
        {
            foreach (var provider in new[] { "telnyx", "voiso", "tsg", "kazoo" })
            {
                data.Add(framework, provider);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public void The_sample_publishes_natively_without_a_trim_or_aot_warning(string framework)
    {
        var published = _sample[framework];
        Assert.True(published.ExitCode == 0, published.Log);
        var codeWarnings = published.Log.Split('\n').Where(IsCodeWarning).ToArray();
        Assert.True(codeWarnings.Length == 0, "the publish printed code warnings:\n" + string.Join('\n', codeWarnings));
        Assert.True(File.Exists(published.Binary), $"no native binary at {published.Binary}");
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(published.Binary)!, "CdrSdk.dll")), "the output should be one native file, not IL assemblies");
    }

    [Theory]
    [MemberData(nameof(FrameworksAndProviders))]
    public async Task The_native_binary_reads_the_same_records_as_the_jit(string framework, string provider)
    {
        var (arguments, source) = Setup(provider);

        var run = await RunAsync(_sample[framework].Binary, arguments);

        await using var _ = source.Client;
        var expected = await source.Source.ListAsync(Since, Until, Ct).CountAsync(Ct);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(expected > 50, $"{provider}: only {expected} records");
        Assert.StartsWith(expected.ToString(CultureInfo.InvariantCulture) + " records", run.Output, StringComparison.Ordinal);
        Assert.Contains("first: ", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public async Task The_native_binary_reports_bad_arguments_and_provider_errors(string framework)
    {
        var binary = _sample[framework].Binary;
        var missing = await RunAsync(binary, ["--provider", "kazoo", "--base-url", _emulator.KazooBaseAddress.AbsoluteUri, "--api-key", "x", "--from", "2026-01-01", "--to", "2026-01-02"]);
        var unauthorized = await RunAsync(binary,
            ["--provider", "voiso", "--base-url", _emulator.VoisoBaseAddress.AbsoluteUri, "--api-key", "wrong", "--from", Iso(Since), "--to", Iso(Until)]);

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--account-id is required for kazoo", missing.Output, StringComparison.Ordinal);
        Assert.Equal(1, unauthorized.ExitCode);
        Assert.Contains("CdrApiException", unauthorized.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A trim, AOT or compiler warning (<c>warning IL2026</c>, <c>warning CS8602</c>, ...). Build-environment warnings
    /// such as SourceLink's "no git repository" (CI checks out without a reachable .git) say nothing about the code.
    /// </summary>
    private static bool IsCodeWarning(string line) => CodeWarning().IsMatch(line);

    [GeneratedRegex(@"warning (IL|CS|CA|SYSLIB)\d+", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CodeWarning();

    private (string[] Arguments, (CdrClient Client, ICdrSource Source) Jit) Setup(string provider)
    {
        var o = _emulator.Options;
        var range = new[] { "--from", Iso(Since), "--to", Iso(Until) };
        return provider switch
        {
            "telnyx" => ([.. range, "--provider", "telnyx", "--base-url", _emulator.TelnyxV1BaseAddress.AbsoluteUri, "--api-key", o.TelnyxApiKey, "--api-user", o.TelnyxApiUser],
                Jit(TestClients.Telnyx(_emulator), c => c.Telnyx.AsCdrSource())),
            "voiso" => ([.. range, "--provider", "voiso", "--base-url", _emulator.VoisoBaseAddress.AbsoluteUri, "--api-key", o.VoisoApiKey],
                Jit(TestClients.Voiso(_emulator), c => c.Voiso.AsCdrSource())),
            "tsg" => ([.. range, "--provider", "tsg", "--base-url", _emulator.TsgBaseAddress.AbsoluteUri, "--api-key", o.TsgStaticToken!],
                Jit(TestClients.Tsg(_emulator), c => c.Tsg.AsCdrSource(TsgCdrType.Voice))),
            _ => ([.. range, "--provider", "kazoo", "--base-url", _emulator.KazooBaseAddress.AbsoluteUri, "--api-key", o.KazooStaticToken!, "--account-id", KazooDataSet.AccountIds[0]],
                Jit(TestClients.Kazoo(_emulator), c => c.Kazoo.AsCdrSource(KazooDataSet.AccountIds[0]))),
        };
    }

    private static (CdrClient Client, ICdrSource Source) Jit(CdrClient client, Func<CdrClient, ICdrSource> source) => (client, source(client));

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Publishes the sample once per framework for every test of the class.</summary>
    public sealed class PublishedSample : IDisposable
    {
        public static readonly string[] Frameworks = ["net8.0", "net10.0"];
        private readonly string _output = Path.Combine(Path.GetTempPath(), "cdrsdk-aot-" + Guid.NewGuid().ToString("N"));
        private readonly Dictionary<string, Publication> _publications = new(StringComparer.Ordinal);

        public PublishedSample()
        {
            foreach (var framework in Frameworks)
            {
                _publications[framework] = Publish(framework, Path.Combine(_output, framework));
            }
        }

        public Publication this[string framework] => _publications[framework];

        public void Dispose()
        {
            try
            {
                Directory.Delete(_output, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the directory is under the temporary folder.
            }
        }

        private static Publication Publish(string framework, string output)
        {
            var project = Path.Combine(RepositoryPaths.Root, "samples", "CdrSdk.Samples.Aot", "CdrSdk.Samples.Aot.csproj");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                ArgumentList = { "publish", project, "-c", "Release", "-f", framework, "-r", RuntimeInformation.RuntimeIdentifier, "-o", output, "-nologo", "-clp:NoSummary" },
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var log = process.StandardOutput.ReadToEnd() + error.GetAwaiter().GetResult();
            if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet publish of the AOT sample ({framework}) did not finish in 10 minutes.");
            }

            return new Publication(process.ExitCode, log, Path.Combine(output, OperatingSystem.IsWindows() ? "CdrSdk.Samples.Aot.exe" : "CdrSdk.Samples.Aot"));
        }
    }

    /// <summary>One framework's publish: its exit code, its log and the native binary.</summary>
    public sealed record Publication(int ExitCode, string Log, string Binary);
}
