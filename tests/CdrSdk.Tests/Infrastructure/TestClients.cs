using CdrSdk.Emulator;
using CdrSdk.Telnyx;
using Microsoft.Extensions.Logging;

namespace CdrSdk.Tests.Infrastructure;

/// <summary>SDK clients wired to an emulator, with fast retries and polling so tests stay quick.</summary>
public static class TestClients
{
    public static CdrClientOptions TelnyxOptions(CdrEmulator emulator, TelnyxApiVersion version, bool withApiUser = true)
    {
        return new CdrClientOptions
        {
            Telnyx =
            {
                ApiVersion = version,
                BaseAddress = version == TelnyxApiVersion.V1 ? emulator.TelnyxV1BaseAddress : emulator.TelnyxV2BaseAddress,
                ApiKey = emulator.Options.TelnyxApiKey,
                ApiUser = version == TelnyxApiVersion.V1 && withApiUser ? emulator.Options.TelnyxApiUser : null,
                Polling = { InitialInterval = TimeSpan.FromMilliseconds(50), MaxInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(30) },
            },
            Resilience = FastResilience(),
        };
    }

    public static CdrResilienceOptions FastResilience() => new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(100),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
    };

    public static CdrClient Telnyx(CdrEmulator emulator, TelnyxApiVersion version = TelnyxApiVersion.V1, Action<CdrClientOptions>? configure = null,
        ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        var options = TelnyxOptions(emulator, version);
        configure?.Invoke(options);
        return new CdrClient(options, loggerFactory, timeProvider);
    }

    public static CdrClient Kazoo(CdrEmulator emulator, Action<CdrSdk.Kazoo.KazooOptions>? configure = null, TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null, int maxConcurrency = 1, Action<CdrClientOptions>? configureClient = null)
    {
        var options = new CdrClientOptions
        {
            Kazoo = { BaseAddress = emulator.KazooBaseAddress, AuthToken = emulator.Options.KazooStaticToken },
            Resilience = FastResilience(),
            Paging = { MaxConcurrency = maxConcurrency },
        };
        configure?.Invoke(options.Kazoo);
        configureClient?.Invoke(options);
        return new CdrClient(options, loggerFactory, timeProvider);
    }

    /// <summary>A Voiso client on the emulator; <c>prefetchPages: 0</c> for tests that change the server between two pages.</summary>
    public static CdrClient Voiso(CdrEmulator emulator, Action<CdrSdk.Voiso.VoisoOptions>? configure = null, TimeProvider? timeProvider = null, int prefetchPages = 1,
        int maxConcurrency = 1, Action<CdrClientOptions>? configureClient = null, ILoggerFactory? loggerFactory = null)
    {
        var options = new CdrClientOptions
        {
            Voiso = { BaseAddress = emulator.VoisoBaseAddress, ApiKey = emulator.Options.VoisoApiKey },
            Resilience = FastResilience(),
            Paging = { PrefetchPages = prefetchPages, MaxConcurrency = maxConcurrency },
        };
        configure?.Invoke(options.Voiso);
        configureClient?.Invoke(options);
        return new CdrClient(options, loggerFactory, timeProvider);
    }

    public static CdrClient Tsg(CdrEmulator emulator, Action<CdrSdk.Tsg.TsgOptions>? configure = null, TimeProvider? timeProvider = null, int maxConcurrency = 1,
        Action<CdrClientOptions>? configureClient = null, ILoggerFactory? loggerFactory = null)
    {
        var options = new CdrClientOptions
        {
            Tsg = { BaseAddress = emulator.TsgBaseAddress, Token = emulator.Options.TsgStaticToken },
            Resilience = FastResilience(),
            Paging = { MaxConcurrency = maxConcurrency },
        };
        configure?.Invoke(options.Tsg);
        configureClient?.Invoke(options);
        return new CdrClient(options, loggerFactory, timeProvider);
    }

    /// <summary>An emulator whose reports complete quickly.</summary>
    public static Task<CdrEmulator> StartEmulatorAsync(Action<CdrEmulatorOptions>? configure = null)
    {
        var options = new CdrEmulatorOptions { ReportCompletionDelay = TimeSpan.FromMilliseconds(150) };
        configure?.Invoke(options);
        return CdrEmulator.StartAsync(options, TestContext.Current.CancellationToken);
    }
}
