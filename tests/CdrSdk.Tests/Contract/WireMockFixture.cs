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

    /// <summary>The base address with a path below the server's root (<c>/v2</c>), as providers with a versioned base have it.</summary>
    public Uri BaseAddressWith(string path) => new(BaseAddress, path);

    /// <summary>The one request the server got (fails when there were more or none).</summary>
    public ILogEntry OnlyRequest() => Assert.Single(Requests);

    /// <summary>What a request was, in one line to compare: <c>GET /path?raw-query</c> (the query exactly as it travelled, percent-encoding included).</summary>
    public static string Line(ILogEntry entry) => $"{entry.RequestMessage.Method} {entry.RequestMessage.AbsolutePath}{entry.RequestMessage.RawQuery}";

    /// <summary>The value of one request header (names are case-insensitive), or null.</summary>
    public static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public void Dispose() => Server.Stop();
}
