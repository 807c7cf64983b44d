using WireMock.Logging;
using WireMock.Server;

namespace CdrSdk.Tests.Contract;

/// <summary>
/// A WireMock.Net server on loopback for one test: stubs answer exactly what a provider's docs show, and
/// <see cref="Requests"/> pins what the SDK sent (method, path, query, headers, body).
/// </summary>
public sealed class WireMockFixture : IDisposable
{
    public WireMockFixture()
    {
        Server = WireMockServer.Start();
    }

    public WireMockServer Server { get; }

    public Uri BaseAddress => new(Server.Url!);

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    /// <summary>The value of one request header (names are case-insensitive), or null.</summary>
    public static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public void Dispose() => Server.Stop();
}
