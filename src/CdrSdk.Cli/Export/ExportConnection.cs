using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using Microsoft.Extensions.Logging;

namespace CdrSdk.Tool.Export;

/// <summary>The client an export uses, and the embedded emulator when it runs against one.</summary>
internal sealed class ExportConnection : IAsyncDisposable
{
    private ExportConnection(CdrClient client, CdrEmulator? emulator, string target, string? defaultKazooAccount)
    {
        Client = client;
        Emulator = emulator;
        Target = target;
        DefaultKazooAccount = defaultKazooAccount;
    }

    public CdrClient Client { get; }

    public CdrEmulator? Emulator { get; }

    /// <summary><c>emulator</c>, or the provider's base address: part of the export's identity.</summary>
    public string Target { get; }

    /// <summary>The Kazoo account used when none is given (the emulator's first account), if any.</summary>
    public string? DefaultKazooAccount { get; }

    /// <summary>
    /// Where an export will read from, decided without connecting: the embedded emulator when asked to or when no
    /// address or credential of the provider is set, else the provider's address.
    /// </summary>
    public static ExportTarget TargetOf(ExportSettings settings, CdrClientOptions options) =>
        !settings.UseEmulator && ClientOptionsBuilder.IsProviderGiven(options, settings.Provider)
            ? new ExportTarget(false, BaseAddressOf(options, settings.Provider), null)
            : new ExportTarget(true, "emulator", KazooDataSet.AccountIds[0]);

    /// <summary>
    /// Connects to <paramref name="target"/> with the given options, starting the embedded emulator when the target
    /// is emulated. The emulator keeps Telnyx reports in <paramref name="emulatorState"/>, so a resumed export
    /// finds its report after a restart.
    /// </summary>
    /// <exception cref="CdrValidationException">The options break a rule (for example a key without its cluster).</exception>
    public static async Task<ExportConnection> OpenAsync(
        ExportSettings settings, ExportTarget target, CdrClientOptions options, string emulatorState, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        if (!target.Emulated)
        {
            var client = new CdrClient(options, loggerFactory, null);
            return new ExportConnection(client, null, target.Name, null);
        }

        var emulator = await CdrEmulator.StartAsync(new CdrEmulatorOptions { StateDirectory = emulatorState }, cancellationToken).ConfigureAwait(false);
        try
        {
            var emulated = new CdrClientOptions { Resilience = options.Resilience };
            switch (settings.Provider)
            {
                case CdrProvider.Telnyx:
                    emulated.Telnyx.BaseAddress = options.Telnyx.ApiVersion == Telnyx.TelnyxApiVersion.V2 ? emulator.TelnyxV2BaseAddress : emulator.TelnyxV1BaseAddress;
                    emulated.Telnyx.ApiVersion = options.Telnyx.ApiVersion;
                    emulated.Telnyx.ApiKey = emulator.Options.TelnyxApiKey;
                    emulated.Telnyx.ApiUser = options.Telnyx.ApiVersion == Telnyx.TelnyxApiVersion.V2 ? null : emulator.Options.TelnyxApiUser;
                    emulated.Telnyx.Polling.InitialInterval = TimeSpan.FromMilliseconds(500);
                    emulated.Telnyx.Polling.MaxInterval = TimeSpan.FromSeconds(2);
                    break;
                case CdrProvider.Voiso:
                    emulated.Voiso.BaseAddress = emulator.VoisoBaseAddress;
                    emulated.Voiso.ApiKey = emulator.Options.VoisoApiKey;
                    break;
                case CdrProvider.Tsg:
                    emulated.Tsg.BaseAddress = emulator.TsgBaseAddress;
                    emulated.Tsg.Email = emulator.Options.TsgEmail;
                    emulated.Tsg.Password = emulator.Options.TsgPassword;
                    break;
                default:
                    emulated.Kazoo.BaseAddress = emulator.KazooBaseAddress;
                    emulated.Kazoo.ApiKey = emulator.Options.KazooApiKey;
                    break;
            }

            return new ExportConnection(new CdrClient(emulated, loggerFactory, null), emulator, target.Name, target.DefaultKazooAccount);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string BaseAddressOf(CdrClientOptions options, CdrProvider provider) => provider switch
    {
        CdrProvider.Telnyx => $"{options.Telnyx.EffectiveBaseAddress} ({options.Telnyx.ApiVersion})",
        CdrProvider.Voiso => options.Voiso.EffectiveBaseAddress?.ToString() ?? "(no address)",
        CdrProvider.Tsg => options.Tsg.EffectiveBaseAddress.ToString(),
        _ => options.Kazoo.BaseAddress?.ToString() ?? "(no address)",
    };
}
