namespace CdrSdk.Core.Http;

/// <summary>
/// One API call: a method of the provider's Refit interface, which builds and sends the request and returns the
/// response unread (response headers only).
/// </summary>
internal delegate Task<HttpResponseMessage> ApiCall(CancellationToken cancellationToken);
