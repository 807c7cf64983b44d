namespace CdrSdk.Core.Http;

/// <summary>
/// Puts the SDK's <c>User-Agent</c> on every request that leaves a chain: API calls, the token logins the
/// credential handlers send below themselves, each redirect hop and downloads. Sits just above the sockets.
/// </summary>
internal sealed class UserAgentHandler : DelegatingHandler
{
    private readonly string _userAgent;

    public UserAgentHandler(string userAgent)
    {
        _userAgent = userAgent;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.UserAgent.Count == 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
