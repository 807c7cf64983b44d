using System.Collections.Concurrent;

namespace CdrSdk.Core.Http;

/// <summary>The HTTP clients of a <see cref="CdrClient"/> built without dependency injection; it owns and disposes them.</summary>
internal sealed class OwnedHttpClients : IHttpClientSource, IDisposable
{
    private readonly HttpInfrastructure _infrastructure;
    private readonly ConcurrentDictionary<CdrProvider, Lazy<HttpClient>> _providers = new();
    private readonly Lazy<HttpClient> _downloads;

    public OwnedHttpClients(HttpInfrastructure infrastructure)
    {
        _infrastructure = infrastructure;
        _downloads = new Lazy<HttpClient>(() => Create(null));
    }

    public HttpClient ForProvider(CdrProvider provider) =>
        _providers.GetOrAdd(provider, p => new Lazy<HttpClient>(() => Create(p))).Value;

    public HttpClient ForDownloads() => _downloads.Value;

    public void Dispose()
    {
        foreach (var client in _providers.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }

        if (_downloads.IsValueCreated)
        {
            _downloads.Value.Dispose();
        }
    }

    private HttpClient Create(CdrProvider? provider) =>
        new(_infrastructure.BuildChain(provider), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
}
