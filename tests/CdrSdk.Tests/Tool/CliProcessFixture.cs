using System.Globalization;
using System.Text.Json;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Tool;

/// <summary>
/// A folder per test for a <c>cdr</c> process to work in (its current directory, where relative outputs go, kept
/// empty so "nothing left behind" can be checked), a folder for inputs such as config files, and an emulator on
/// loopback that the process reaches with <c>--base-url</c>, so a test can tell whether anything was sent.
/// </summary>
public abstract class CliProcessFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cdrsdk-cli-process-" + Guid.NewGuid().ToString("N"));

    protected static readonly string Since = TestTime.UtcDay(-4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static readonly string Until = TestTime.UtcDay(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected CdrEmulator Emulator { get; private set; } = null!;

    /// <summary>The process's current directory.</summary>
    protected string Work => Path.Combine(_root, "work");

    /// <summary>Where inputs (config files) are written; not checked for leftovers.</summary>
    protected string Inputs => Path.Combine(_root, "inputs");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Work);
        Directory.CreateDirectory(Inputs);
        Emulator = await TestClients.StartEmulatorAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Directory.Delete(_root, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Every file and folder the process left in <see cref="Work"/>.</summary>
    protected string[] LeftBehind() => Directory.GetFileSystemEntries(Work).Select(Path.GetFileName).ToArray()!;

    /// <summary>Exactly one line on standard error, starting <c>cdr: error: </c> (or <c>cdr: interrupted: </c>), and nothing on standard output.</summary>
    protected static string AssertOneLine(CdrResult result, int exitCode, string label = "error")
    {
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}: {result}");
        Assert.True(result.ErrorLines.Length == 1, $"expected one line on stderr: {result}");
        Assert.StartsWith($"cdr: {label}: ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
        return result.ErrorLines[0];
    }

    protected async Task<string> WriteInputAsync(string name, string content)
    {
        var path = Path.Combine(Inputs, name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }

    protected Task<string> WriteConfigAsync(object content) => WriteInputAsync(Guid.NewGuid().ToString("N") + ".json", JsonSerializer.Serialize(content));

    /// <summary>The arguments that reach the test emulator as a real provider, with the given (or the right) credentials.</summary>
    protected string[] Provider(string provider, string? secret = null) => provider switch
    {
        "telnyx" => ["-p", "telnyx", "--base-url", Emulator.TelnyxV1BaseAddress.AbsoluteUri, "--api-user", Emulator.Options.TelnyxApiUser, "--api-key", secret ?? Emulator.Options.TelnyxApiKey],
        "voiso" => ["-p", "voiso", "--base-url", Emulator.VoisoBaseAddress.AbsoluteUri, "--api-key", secret ?? Emulator.Options.VoisoApiKey],
        "tsg" => ["-p", "tsg", "--base-url", Emulator.TsgBaseAddress.AbsoluteUri, "--email", Emulator.Options.TsgEmail, "--password", secret ?? Emulator.Options.TsgPassword],
        _ => ["-p", "kazoo", "--base-url", Emulator.KazooBaseAddress.AbsoluteUri, "--api-key", secret ?? Emulator.Options.KazooApiKey, "--account-id", KazooDataSet.AccountIds[0]],
    };

    protected static string[] Range => ["--from", Since, "--to", Until];
}
