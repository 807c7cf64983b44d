using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;

namespace CdrSdk.Sync.Tests.Infrastructure;

/// <summary>One emulator on loopback for a test class, with SDK clients wired to it.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public CdrEmulator Emulator { get; private set; } = null!;

    public static string KazooAccount => KazooDataSet.AccountIds[0];

    public async ValueTask InitializeAsync() =>
        Emulator = await CdrEmulator.StartAsync(new CdrEmulatorOptions
        {
            ReportCompletionDelay = TimeSpan.FromMilliseconds(200),
            StateDirectory = Path.Combine(Path.GetTempPath(), "cdrsdk-sync-tests-emulator-" + Guid.NewGuid().ToString("N")),
        });

    public async ValueTask DisposeAsync()
    {
        var state = Emulator.Options.StateDirectory;
        await Emulator.DisposeAsync();
        if (state is not null && Directory.Exists(state))
        {
            Directory.Delete(state, recursive: true);
        }
    }

    public CdrClient Client() => new(ClientOptions(Emulator));

    public static CdrClientOptions ClientOptions(CdrEmulator emulator) => new()
    {
        Kazoo = { BaseAddress = emulator.KazooBaseAddress, AuthToken = emulator.Options.KazooStaticToken },
        Voiso = { BaseAddress = emulator.VoisoBaseAddress, ApiKey = emulator.Options.VoisoApiKey },
        Tsg = { BaseAddress = emulator.TsgBaseAddress, Token = emulator.Options.TsgStaticToken },
        Telnyx =
        {
            BaseAddress = emulator.TelnyxV1BaseAddress,
            ApiKey = emulator.Options.TelnyxApiKey,
            ApiUser = emulator.Options.TelnyxApiUser,
            Polling = { InitialInterval = TimeSpan.FromMilliseconds(50), MaxInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(30) },
        },
        Resilience = new CdrResilienceOptions
        {
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(100),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(30),
        },
    };
}
