namespace CdrSdk.Core.Http;

/// <summary>The HTTP clients of a <see cref="CdrClient"/> resolved from dependency injection (<c>IHttpClientFactory</c>).</summary>
internal sealed class FactoryHttpClients : IHttpClientSource
{
    private readonly IHttpClientFactory _factory;

    public FactoryHttpClients(IHttpClientFactory factory)
    {
        _factory = factory;
    }

    public HttpClient ForProvider(CdrProvider provider) => _factory.CreateClient(CdrHttpClientNames.For(provider));

    public HttpClient ForDownloads() => _factory.CreateClient(CdrHttpClientNames.Downloads);
}
