using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tests.Tool;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Tests.Security;

/// <summary>
/// A full run over the four providers (logins, listings, reports, exports, failures whose bodies echo the
/// credentials, the <c>cdr</c> tool) captures every log message at every level, every exception, the
/// <c>ToString()</c> of options and clients, every telemetry tag and the tool's output, and searches all of it for
/// every secret: keys, passwords, the Kazoo credentials hash, and the tokens issued at run time.
/// </summary>
public sealed class SecretCaptureTests : IAsyncLifetime
{
    private static readonly string Unique = Guid.NewGuid().ToString("N");
    private static readonly DateTimeOffset Since = TestTime.UtcDay(-2);
    private static readonly DateTimeOffset Until = Since.AddHours(3);
    private static readonly string Account = KazooDataSet.AccountIds[0];
    private readonly List<string> _texts = [];
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync(o =>
    {
        o.TelnyxApiKey = "KEY" + Unique + "telnyx";
        o.TelnyxApiUser = Unique + "@user.test";
        o.KazooApiKey = Unique + "kazoo-api-key";
        o.KazooUsername = "user" + Unique[..8];
        o.KazooPassword = Unique + "kazoo-password";
        o.KazooStaticToken = Unique + "kazoo-static";
        o.VoisoApiKey = Unique + "voiso-key";
        o.TsgPassword = Unique + "tsg-password";
        o.TsgStaticToken = Unique + "tsg-static";
        o.KazooTokenLifetime = TimeSpan.FromHours(1);
    });

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_secret_appears_in_logs_exceptions_options_telemetry_or_tool_output_during_a_full_run()
    {
        var logs = new CapturingLoggerProvider();
        using var activities = CaptureActivities();
        using var factory = logs.CreateFactory();

        await TelnyxAsync(factory, TelnyxApiVersion.V1);
        await TelnyxAsync(factory, TelnyxApiVersion.V2);
        await KazooAsync(factory);
        await VoisoAsync(factory);
        await TsgAsync(factory);
        await ToolAsync();
        KeepOptions();

        _texts.AddRange(logs.Entries.Select(e => $"{e.Level} {e.Category} {e.Message}"));
        _texts.AddRange(activities.Texts);
        var secrets = Secrets();
        Assert.True(secrets.Count >= 12, $"only {secrets.Count} secrets to look for");
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Debug);
        Assert.True(activities.Texts.Count > 20, "no telemetry was captured");
        Assert.True(_texts.Count(t => t.Contains("***", StringComparison.Ordinal)) >= 10, "the echoed secrets were never scrubbed: did the failures happen?");
        var leaks = (from text in _texts from secret in secrets where text.Contains(secret.Value, StringComparison.Ordinal) select $"{secret.Key} in: {text[..Math.Min(text.Length, 300)]}").Take(5).ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    private async Task TelnyxAsync(Microsoft.Extensions.Logging.ILoggerFactory logs, TelnyxApiVersion version)
    {
        await using var client = TestClients.Telnyx(_emulator, version, loggerFactory: logs);
        Keep(client.ToString(), client.Telnyx.ToString()!);
        var options = TestClients.TelnyxOptions(_emulator, version);
        Keep(options.ToString(), options.Telnyx.ToString()!);

        var operation = await client.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = Since, EndTime = Until }, Ct);
        await operation.WaitForCompletionAsync(Ct);
        Assert.NotEmpty(await operation.ReadRowsAsync(Ct).ToListAsync(Ct));
        _emulator.Faults.Add(new FaultRule { Method = "GET", StatusCode = 400, Body = Echo("""{"errors":[{"code":"10015","title":"Bad {0}","detail":"you sent {0}","source":{"pointer":"/{0}"}}]}""", null, TelnyxSecrets(version)) });
        await CaptureAsync(() => client.Telnyx.CdrReports.GetAsync(operation.Id, Ct));
        _emulator.Faults.Add(new FaultRule { Origin = "download", StatusCode = 403, Body = Echo("<Error><Message>{0}</Message></Error>", null, TelnyxSecrets(version)), ContentType = "application/xml" });
        await CaptureAsync(async () => await operation.ReadRowsAsync(Ct).CountAsync(Ct));
        await using var wrong = TestClients.Telnyx(_emulator, version, o => o.Telnyx.ApiKey = "KEY" + Unique + "wrong-telnyx", logs);
        await CaptureAsync(() => wrong.Telnyx.CdrReports.GetAsync(operation.Id, Ct));
    }

    private async Task KazooAsync(Microsoft.Extensions.Logging.ILoggerFactory logs)
    {
        var query = new KazooCdrQuery { From = Since, To = Until, PageSize = 50 };
        var e = _emulator.Options;
        (Action<KazooOptions> Login, string[] Secrets)[] logins =
        [
            (o => (o.AuthToken, o.ApiKey) = (null, e.KazooApiKey), [e.KazooApiKey]),
            (o => (o.AuthToken, o.Username, o.Password, o.AccountName) = (null, e.KazooUsername, e.KazooPassword, e.KazooAccountName), [e.KazooPassword, KazooHash]),
            (o => o.AuthToken = e.KazooStaticToken, [e.KazooStaticToken!]),
        ];
        foreach (var (login, secrets) in logins)
        {
            await using var client = TestClients.Kazoo(_emulator, login, loggerFactory: logs);
            Keep(client.ToString(), client.Kazoo.ToString()!);
            var first = await client.Kazoo.Cdrs.ListAsync(Account, query, Ct).FirstAsync(Ct);
            var cdr = await client.Kazoo.Cdrs.GetAsync(Account, first.Id!, Ct);
            Keep(string.Join(" ", cdr.CustomChannelVars?.Select(v => $"{v.Key}={v.Value}") ?? []));
            _emulator.ExpireKazooTokens();
            Assert.NotEmpty(await client.Kazoo.Cdrs.ListAsync(Account, query, Ct).Take(60).ToListAsync(Ct));
            _emulator.Faults.Add(new FaultRule { PathPrefix = "/v2/accounts", StatusCode = 400, Body = Echo("""{"status":"error","error":"400","message":"bad {0}","data":{"key":"{0}"},"auth_token":"{0}"}""", "x-auth-token", secrets) });
            await CaptureAsync(async () => await client.Kazoo.Cdrs.ListAsync(Account, query, Ct).CountAsync(Ct));
        }

        await using var wrong = TestClients.Kazoo(_emulator, o => (o.AuthToken, o.Username, o.Password, o.AccountName) =
            (null, _emulator.Options.KazooUsername, Unique + "wrong-kazoo-password", _emulator.Options.KazooAccountName), loggerFactory: logs);
        await CaptureAsync(async () => await wrong.Kazoo.Cdrs.ListAsync(Account, query, Ct).CountAsync(Ct));
    }

    private async Task VoisoAsync(Microsoft.Extensions.Logging.ILoggerFactory logs)
    {
        var query = new VoisoCdrQuery { StartedAt = VoisoTimeFilter.Between(Since, Until), Limit = 50 };
        await using var client = TestClients.Voiso(_emulator, loggerFactory: logs);
        Keep(client.ToString(), client.Voiso.ToString()!);
        Assert.NotEmpty(await client.Voiso.Cdrs.ListAsync(query, Ct).ToListAsync(Ct));
        _emulator.Faults.Add(new FaultRule { PathPrefix = "/api/v4", StatusCode = 422, Body = Echo("""{"errors":{"limit":["{0} is wrong"],"{0}":["echo"]}}""", null, _emulator.Options.VoisoApiKey) });
        await CaptureAsync(async () => await client.Voiso.Cdrs.ListAsync(query, Ct).CountAsync(Ct));
        await using var wrong = TestClients.Voiso(_emulator, o => o.ApiKey = Unique + "wrong-voiso", loggerFactory: logs);
        await CaptureAsync(async () => await wrong.Voiso.Cdrs.ListAsync(query, Ct).CountAsync(Ct));
    }

    private async Task TsgAsync(Microsoft.Extensions.Logging.ILoggerFactory logs)
    {
        var query = new TsgCdrQuery { Type = TsgCdrType.Sms, Start = Since, End = Until, Limit = 50 };
        await using var client = TestClients.Tsg(_emulator, o => (o.Token, o.Email, o.Password) = (null, _emulator.Options.TsgEmail, _emulator.Options.TsgPassword), loggerFactory: logs);
        Keep(client.ToString(), client.Tsg.ToString()!);
        Assert.NotEmpty(await client.Tsg.Cdrs.ListAsync(query, Ct).ToListAsync(Ct));
        Assert.NotEmpty(await client.Tsg.Cdrs.ReadExportAsync(query, Ct).ToListAsync(Ct));
        _emulator.ExpireTsgTokens();
        Assert.NotEmpty(await client.Tsg.Cdrs.ListAsync(query, Ct).ToListAsync(Ct));
        _emulator.Faults.Add(new FaultRule { PathPrefix = "/graphql", StatusCode = 200, Body = Echo("""{"errors":[{"message":"bad {0}","path":["cdrRecords"],"extensions":{"code":"{0}"}}],"data":null}""", "authorization", _emulator.Options.TsgPassword) });
        await CaptureAsync(async () => await client.Tsg.Cdrs.ListAsync(query, Ct).CountAsync(Ct));
        await using var wrong = TestClients.Tsg(_emulator, o => (o.Token, o.Email, o.Password) = (null, _emulator.Options.TsgEmail, Unique + "wrong-tsg"), loggerFactory: logs);
        await CaptureAsync(async () => await wrong.Tsg.Cdrs.ListAsync(query, Ct).CountAsync(Ct));
    }

    /// <summary>The <c>ToString()</c> of options holding every kind of credential at once, and of a client built from them.</summary>
    private void KeepOptions()
    {
        var o = _emulator.Options;
        var options = new CdrClientOptions
        {
            Telnyx = { BaseAddress = _emulator.TelnyxV1BaseAddress, ApiKey = o.TelnyxApiKey, ApiUser = o.TelnyxApiUser },
            Kazoo = { BaseAddress = _emulator.KazooBaseAddress, AuthToken = o.KazooStaticToken, ApiKey = o.KazooApiKey, Username = o.KazooUsername, Password = o.KazooPassword, AccountName = o.KazooAccountName },
            Voiso = { BaseAddress = _emulator.VoisoBaseAddress, ApiKey = o.VoisoApiKey },
            Tsg = { BaseAddress = _emulator.TsgBaseAddress, Token = o.TsgStaticToken, Email = o.TsgEmail, Password = o.TsgPassword },
        };
        Keep(options.ToString(), options.Telnyx.ToString()!, options.Kazoo.ToString()!, options.Voiso.ToString()!, options.Tsg.ToString()!);
        Assert.Contains("ApiKey = (set, redacted)", options.Kazoo.ToString(), StringComparison.Ordinal);
        var invalid = Assert.Throws<CdrValidationException>(() => new CdrClient(options));
        Keep(invalid.ToString());
        (options.Kazoo.AuthToken, options.Kazoo.ApiKey, options.Tsg.Token) = (null, null, null);
        using var client = new CdrClient(options);
        Keep(client.ToString(), client.Telnyx.ToString()!, client.Kazoo.ToString()!, client.Voiso.ToString()!, client.Tsg.ToString()!, options.ToString());
    }

    /// <summary>The tool, with credentials from arguments and from the environment, succeeding and failing.</summary>
    private async Task ToolAsync()
    {
        var o = _emulator.Options;
        var range = new[] { "--from", Since.ToString("O", CultureInfo.InvariantCulture), "--to", Until.ToString("O", CultureInfo.InvariantCulture), "-q" };
        string[][] runs =
        [
            ["-p", "telnyx", "--base-url", _emulator.TelnyxV1BaseAddress.AbsoluteUri, "--api-key", o.TelnyxApiKey, "--api-user", o.TelnyxApiUser],
            ["-p", "kazoo", "--base-url", _emulator.KazooBaseAddress.AbsoluteUri, "--username", o.KazooUsername, "--password", o.KazooPassword, "--account-name", o.KazooAccountName, "--account-id", Account],
            ["-p", "kazoo", "--base-url", _emulator.KazooBaseAddress.AbsoluteUri, "--api-key", o.KazooApiKey, "--account-id", Account],
            ["-p", "voiso", "--base-url", _emulator.VoisoBaseAddress.AbsoluteUri, "--api-key", o.VoisoApiKey],
            ["-p", "tsg", "--base-url", _emulator.TsgBaseAddress.AbsoluteUri, "--email", o.TsgEmail, "--password", o.TsgPassword],
            ["-p", "tsg", "--base-url", _emulator.TsgBaseAddress.AbsoluteUri, "--email", o.TsgEmail, "--password", Unique + "wrong-tool-tsg"],
            ["-p", "voiso", "--base-url", _emulator.VoisoBaseAddress.AbsoluteUri, "--api-key", Unique + "wrong-tool-voiso"],
        ];
        var directory = Directory.CreateTempSubdirectory("cdrsdk-secrets-");
        try
        {
            for (var i = 0; i < runs.Length; i++)
            {
                var run = await CliRun.RunAsync(["export", .. runs[i], .. range, "-o", Path.Combine(directory.FullName, $"run{i}.csv")], cancellationToken: Ct);
                Keep(run.Output + run.Error);
                Assert.True(i < 5 ? run.ExitCode == 0 : run.ExitCode != 0, $"run {i}: exit {run.ExitCode}: {run.Output}{run.Error}");
            }

            var environment = new Dictionary<string, string> { ["KAZOO_BASE_URL"] = _emulator.KazooBaseAddress.AbsoluteUri, ["KAZOO_API_KEY"] = o.KazooApiKey, ["KAZOO_ACCOUNT_ID"] = Account };
            var fromEnvironment = await CliRun.RunAsync(["export", "-p", "kazoo", .. range, "-o", Path.Combine(directory.FullName, "env.csv")], environment, cancellationToken: Ct);
            Keep(fromEnvironment.Output + fromEnvironment.Error);
            Assert.Equal(0, fromEnvironment.ExitCode);
            foreach (var file in directory.EnumerateFiles("*", SearchOption.AllDirectories))
            {
                Keep(await File.ReadAllTextAsync(file.FullName, Ct));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Every secret of the run: configured ones, wrong ones, the Kazoo hash, and every token the emulator saw.</summary>
    private Dictionary<string, string> Secrets()
    {
        var o = _emulator.Options;
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["telnyx key"] = o.TelnyxApiKey,
            ["telnyx user"] = o.TelnyxApiUser,
            ["kazoo api key"] = o.KazooApiKey,
            ["kazoo password"] = o.KazooPassword,
            ["kazoo static token"] = o.KazooStaticToken!,
            ["kazoo credentials hash"] = KazooHash,
            ["voiso key"] = o.VoisoApiKey,
            ["tsg password"] = o.TsgPassword,
            ["tsg static token"] = o.TsgStaticToken!,
            ["wrong secrets"] = Unique + "wrong",
        };
        foreach (var request in _emulator.Requests.Snapshot())
        {
            foreach (var header in new[] { "x-auth-token", "authorization", "x-api-token" })
            {
                if (request.Headers.TryGetValue(header, out var value) && value.Split(' ')[^1] is { Length: >= 16 } token)
                {
                    secrets.TryAdd($"{header} token {token[..4]}", token);
                }
            }
        }

        return secrets;
    }

    /// <summary>
    /// An error body that echoes the secrets the failing client holds (a provider cannot echo what it was never
    /// sent), plus the last token the emulator saw on <paramref name="tokenHeader"/>: the one that client is using.
    /// </summary>
    private string Echo(string template, string? tokenHeader, params string[] secrets)
    {
        var token = tokenHeader is null ? null : _emulator.Requests.Snapshot().LastOrDefault(r => r.Headers.ContainsKey(tokenHeader))?.Headers[tokenHeader].Split(' ')[^1];
        return template.Replace("{0}", string.Join(" ", secrets.Append(token ?? string.Empty)), StringComparison.Ordinal);
    }

    /// <summary>What a Telnyx client holds: the key, and with v1 the account email (v2 clients are given none).</summary>
    private string[] TelnyxSecrets(TelnyxApiVersion version) =>
        version == TelnyxApiVersion.V1 ? [_emulator.Options.TelnyxApiKey, _emulator.Options.TelnyxApiUser] : [_emulator.Options.TelnyxApiKey];

#pragma warning disable CA5351 // Kazoo's protocol defines the credentials as this MD5; the test looks for it.
    private string KazooHash => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(_emulator.Options.KazooUsername + ":" + _emulator.Options.KazooPassword)));
#pragma warning restore CA5351

    private void Keep(params string[] texts) => _texts.AddRange(texts);

    private async Task CaptureAsync(Func<Task> call)
    {
        var ex = await Record.ExceptionAsync(call);
        var cdr = Assert.IsAssignableFrom<CdrException>(ex);
        Keep(cdr.ToString(), cdr.Message, cdr.ContinuationToken ?? string.Empty);
        if (cdr is CdrApiException api)
        {
            Keep(api.ResponseBodyExcerpt ?? string.Empty, string.Join("|", api.Errors.Select(e => e.ToString())));
        }
    }

    private static ActivityCapture CaptureActivities() => new();
}
