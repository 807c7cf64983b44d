using System.Net;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Emulator.Telnyx;
using CdrSdk.Emulator.Tsg;
using CdrSdk.Emulator.Voiso;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CdrSdk.Emulator;

/// <summary>
/// A local emulator of the four CDR APIs on loopback: start it in-process from tests and samples with
/// <see cref="StartAsync(CdrEmulatorOptions?, CancellationToken)"/>, or run it standalone with
/// <c>cdr emulator</c> (the tool in <c>src/CdrSdk.Cli</c>). Two listeners: the API origin and, on another port, the
/// download origin that serves report files (so credentials leaking to another host can be detected).
/// </summary>
public sealed class CdrEmulator : IAsyncDisposable
{
    private readonly WebApplication _api;
    private readonly WebApplication _downloads;
    private readonly TelnyxEmulation _telnyx;
    private readonly KazooEmulation _kazoo;
    private readonly VoisoEmulation _voiso;
    private readonly TsgEmulation _tsg;
    private readonly ConnectionCounter _connections;

    private CdrEmulator(
        CdrEmulatorOptions options, WebApplication api, WebApplication downloads, TelnyxEmulation telnyx, KazooEmulation kazoo, VoisoEmulation voiso, TsgEmulation tsg,
        EmulatorDataSet data, ConnectionCounter connections)
    {
        _connections = connections;
        _tsg = tsg;
        TsgData = new TsgDataSet(data);
        _voiso = voiso;
        VoisoData = new VoisoDataSet(data);
        _kazoo = kazoo;
        KazooData = new KazooDataSet(data);
        Options = options;
        _api = api;
        _downloads = downloads;
        _telnyx = telnyx;
        Data = data;
        Faults = new EmulatorFaults(options.Seed);
    }

    /// <summary>The settings the emulator runs with (credentials included).</summary>
    public CdrEmulatorOptions Options { get; }

    /// <summary>The generated records every provider emulation serves.</summary>
    public EmulatorDataSet Data { get; }

    /// <summary>The TSG view of <see cref="Data"/>: SMS/MMS from messages, VOICE/API from calls.</summary>
    public TsgDataSet TsgData { get; }

    /// <summary>The TSG base address (the API origin: <c>/graphql</c>, <c>/account/login</c>).</summary>
    public Uri TsgBaseAddress => BaseAddress;

    /// <summary>How many TSG logins succeeded.</summary>
    public int TsgLogins => _tsg.Logins;

    /// <summary>Makes every TSG token issued so far expire now (the static token keeps working).</summary>
    public void ExpireTsgTokens() => _tsg.ExpireTokens();

    /// <summary>The Voiso view of <see cref="Data"/>: one interaction record per seed call.</summary>
    public VoisoDataSet VoisoData { get; }

    /// <summary>The Voiso base address (the API origin; the API lives under <c>/api/v4</c>).</summary>
    public Uri VoisoBaseAddress => BaseAddress;

    /// <summary>Invalidates every Voiso cursor issued so far (as if they had expired).</summary>
    public void ExpireVoisoCursors() => _voiso.ExpireCursors();

    /// <summary>The Kazoo view of <see cref="Data"/>: accounts, users, legs and interactions.</summary>
    public KazooDataSet KazooData { get; }

    /// <summary>The Kazoo base address (<see cref="BaseAddress"/> + <c>v2</c>).</summary>
    public Uri KazooBaseAddress => new(BaseAddress, "v2");

    /// <summary>How many Kazoo logins (<c>api_auth</c>, <c>user_auth</c>) succeeded.</summary>
    public int KazooLogins => _kazoo.Logins;

    /// <summary>Makes every Kazoo token issued so far expire now (the static token keeps working).</summary>
    public void ExpireKazooTokens() => _kazoo.ExpireTokens();

    /// <summary>The API origin, for example <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The download origin (a different port), where report files are served without credentials.</summary>
    public Uri DownloadBaseAddress { get; private set; } = null!;

    /// <summary>The Telnyx v1 base address (same as <see cref="BaseAddress"/>).</summary>
    public Uri TelnyxV1BaseAddress => BaseAddress;

    /// <summary>The Telnyx v2 base address (<see cref="BaseAddress"/> + <c>v2</c>).</summary>
    public Uri TelnyxV2BaseAddress => new(BaseAddress, "v2");

    /// <summary>Faults to inject into the next matching requests.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>How many client connections to either listener are open right now.</summary>
    public int OpenConnections => Volatile.Read(ref _connections.Open);

    /// <summary>How many client connections either listener has accepted since the start.</summary>
    public int AcceptedConnections => Volatile.Read(ref _connections.Accepted);

    /// <summary>Every request received, with its headers.</summary>
    public EmulatorRequestLog Requests { get; } = new();

    /// <summary>How many Telnyx report requests currently exist.</summary>
    public int TelnyxReportCount => _telnyx.ReportCount;

    /// <summary>Makes a Telnyx report end without a file: failed (status 3), or expired (status 4).</summary>
    /// <param name="reportId">The report id.</param>
    /// <param name="expired"><see langword="true"/> for expired, <see langword="false"/> for failed.</param>
    /// <returns><see langword="false"/> when no report has this id.</returns>
    public bool EndTelnyxReportWithoutFile(string reportId, bool expired = false) => _telnyx.Force(reportId, expired ? 4 : 3);

    /// <summary>Starts the emulator on loopback.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (free ports, seed 42).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    /// <exception cref="ArgumentException"><see cref="CdrEmulatorOptions.Host"/> is not a loopback address.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A data set rate or a <see cref="CdrEmulatorOptions.Live"/> setting is out of its range.</exception>
    public static async Task<CdrEmulator> StartAsync(CdrEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CdrEmulatorOptions();
        if (!IPAddress.TryParse(options.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The emulator listens on loopback only; '{options.Host}' is not a loopback address.", nameof(options));
        }

        options.Live?.Validate(nameof(options));
        var data = new EmulatorDataSet(options.Seed, options.CallsPerHour, options.MessagesPerHour, options.Live);
        var telnyx = new TelnyxEmulation(options, data);
        var kazoo = new KazooEmulation(options, new KazooDataSet(data));
        var voiso = new VoisoEmulation(options, new VoisoDataSet(data));
        var tsg = new TsgEmulation(options, new TsgDataSet(data));

        var connections = new ConnectionCounter();
        var api = Build(address, options.Port, options, connections);
        var downloads = Build(address, options.DownloadPort, options, connections);
        var emulator = new CdrEmulator(options, api, downloads, telnyx, kazoo, voiso, tsg, data, connections);

        var rateLimit = options.RateLimitPerSecond is { } rate
            ? new System.Threading.RateLimiting.TokenBucketRateLimiter(new System.Threading.RateLimiting.TokenBucketRateLimiterOptions
            {
                TokenLimit = options.RateLimitBurst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1 / rate),
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : null;
        Use(api, new EmulatorMiddleware("api", emulator.Faults, emulator.Requests, rateLimit));
        Use(downloads, new EmulatorMiddleware("download", emulator.Faults, emulator.Requests));

        api.MapGet("/", () => Results.Text("CdrSdk emulator: Telnyx v1 /reporting, Telnyx v2 /v2/legacy/reporting, Kazoo /v2/accounts, Voiso /api/v4/reporting/cdrs, TSG /graphql.\n"));
        telnyx.MapApi(api);
        kazoo.MapApi(api);
        voiso.MapApi(api);
        tsg.MapApi(api);
        tsg.MapDownloads(downloads);
        telnyx.MapDownloads(downloads);

        await api.StartAsync(cancellationToken).ConfigureAwait(false);
        await downloads.StartAsync(cancellationToken).ConfigureAwait(false);
        emulator.BaseAddress = AddressOf(api);
        emulator.DownloadBaseAddress = AddressOf(downloads);
        telnyx.SetDownloadBase(emulator.DownloadBaseAddress);
        tsg.SetDownloadBase(emulator.DownloadBaseAddress);
        return emulator;
    }

    /// <summary>Stops both listeners.</summary>
    /// <returns>A task that completes when the emulator stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync().ConfigureAwait(false);
        await _downloads.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// One listener: Kestrel and nothing from its surroundings. An empty builder reads no appsettings.json and no
    /// ASPNETCORE_ variables (a user's Kestrel endpoints must not open ports of the emulator), and watches no files: the
    /// default builders watch their content root, the current directory, with every folder under it, so an emulator
    /// started in a home folder took thousands of inotify watches and spent CPU on every write below it (the DuckDB
    /// file a <c>cdr sync</c> writes there, a PostgreSQL data folder).
    /// </summary>
    internal static WebApplication Build(IPAddress address, int port, CdrEmulatorOptions options, ConnectionCounter connections)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CdrEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, port, listen => listen.Use(connections.Count));
            kestrel.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        if (options.EnableConsoleLogging)
        {
            // Standard output belongs to the emulator's own lines (its addresses) and to pipes; logs go to standard error.
            builder.Logging.AddSimpleConsole();
            builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        return builder.Build();
    }

    private static void Use(WebApplication app, EmulatorMiddleware middleware) =>
        app.Use((context, next) => middleware.InvokeAsync(context, () => next(context)));

    private static Uri AddressOf(WebApplication app)
    {
        var address = (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>() ?? throw new InvalidOperationException("The server reports no address.")).Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
