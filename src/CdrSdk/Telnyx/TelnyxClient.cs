using CdrSdk.Core.Http;

namespace CdrSdk.Telnyx;

/// <summary>The Telnyx reporting client of one <see cref="CdrClient"/>.</summary>
internal sealed class TelnyxClient : ITelnyxClient
{
    public TelnyxClient(ClientRuntime runtime)
    {
        var options = runtime.Options.Telnyx;
        ApiVersion = options.ApiVersion;
        var transport = runtime.CreateTransport(CdrProvider.Telnyx, options.EffectiveBaseAddress);
        var downloads = new DownloadClient(runtime);
        CdrReports = new TelnyxCdrReports(transport, downloads, options);
        MdrReports = new TelnyxMdrReports(transport, downloads, options);
    }

    public TelnyxApiVersion ApiVersion { get; }

    public ITelnyxCdrReports CdrReports { get; }

    public ITelnyxMdrReports MdrReports { get; }

    public override string ToString() => $"TelnyxClient({ApiVersion})";
}
