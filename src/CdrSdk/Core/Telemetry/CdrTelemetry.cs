using System.Diagnostics;
using System.Reflection;

namespace CdrSdk;

/// <summary>
/// The SDK's one <see cref="ActivitySource"/> and its meter, both named <c>CdrSdk</c> (the meter comes from the container's <c>IMeterFactory</c> when it has one). Subscribe
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

    internal static KeyValuePair<string, object?> ProviderTag(CdrProvider? provider) =>
        new("cdrsdk.provider", provider is { } p ? ProviderName(p) : "download");

    internal static string ProviderName(CdrProvider provider) => CdrProviders.Get(provider).Name;
}
