using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace CdrSdk;

/// <summary>
/// The SDK's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <c>CdrSdk</c>. Subscribe
/// with OpenTelemetry (<c>AddSource("CdrSdk")</c>, <c>AddMeter("CdrSdk")</c>) or any listener.
/// </summary>
/// <remarks>
/// Instruments: <c>cdrsdk.requests</c> (counter, tags <c>cdrsdk.provider</c>, <c>http.request.method</c>,
/// <c>http.response.status_code</c>), <c>cdrsdk.request.duration</c> (histogram, seconds),
/// <c>cdrsdk.retries</c>, <c>cdrsdk.pages</c> and <c>cdrsdk.records</c> (counters, tag <c>cdrsdk.provider</c>).
/// Tags never carry credentials, query strings or phone numbers.
/// </remarks>
public static class CdrTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>CdrSdk</c>.</summary>
    public const string Name = "CdrSdk";

    /// <summary>The SDK version reported by telemetry and in the <c>User-Agent</c>.</summary>
    public static readonly string Version =
        typeof(CdrTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    internal static readonly ActivitySource ActivitySource = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);

    internal static readonly Counter<long> Requests = Meter.CreateCounter<long>("cdrsdk.requests", "{request}", "HTTP requests sent to providers (each attempt counts).");

    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("cdrsdk.request.duration", "s", "Time until the response headers of one attempt arrived.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>("cdrsdk.retries", "{retry}", "Retries made by the resilience pipeline.");

    internal static readonly Counter<long> Pages = Meter.CreateCounter<long>("cdrsdk.pages", "{page}", "Pages delivered by paginators.");

    internal static readonly Counter<long> Records = Meter.CreateCounter<long>("cdrsdk.records", "{record}", "Records delivered by paginators and row readers.");

    internal static KeyValuePair<string, object?> ProviderTag(CdrProvider? provider) =>
        new("cdrsdk.provider", provider is { } p ? ProviderName(p) : "download");

    internal static string ProviderName(CdrProvider provider) => CdrProviders.Get(provider).Name;
}
