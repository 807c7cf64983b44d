using System.Net;
using System.Text;

namespace CdrSdk.Core.Http;

/// <summary>
/// The one place provider failures become <see cref="CdrApiException"/>s: an HTTP error status (its body read by
/// <see cref="ErrorBodyParser"/>, which knows every provider's error shape), errors reported inside a successful
/// answer (a GraphQL <c>errors</c> list, a Kazoo envelope whose <c>status</c> is not <c>success</c>), or a failed
/// download. Every text a provider wrote is scrubbed of the client's secrets, and the request id is read from the
/// headers the provider's module names, else from the body.
/// </summary>
internal sealed class ApiErrorMapper
{
    private const int ErrorBodyLimit = 64 * 1024;
    private const int ExcerptLength = 512;
    private static readonly string[] NoHeaders = [];
    private readonly CdrProvider _provider;
    private readonly SecretRegistry _secrets;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<string> _requestIdHeaders;

    /// <param name="provider">The provider the calls go to.</param>
    /// <param name="secrets">The client's secrets, scrubbed from every text.</param>
    /// <param name="time">The clock, to turn a <c>Retry-After</c> date into a wait.</param>
    /// <param name="readRequestIdHeaders">Whether the provider's request id headers apply (not on another host's download).</param>
    public ApiErrorMapper(CdrProvider provider, SecretRegistry secrets, TimeProvider time, bool readRequestIdHeaders = true)
    {
        _provider = provider;
        _secrets = secrets;
        _time = time;
        _requestIdHeaders = readRequestIdHeaders ? CdrProviders.Get(provider).RequestIdHeaders : NoHeaders;
    }

    /// <summary>The exception for an error status; <paramref name="what"/> names the call (<c>Telnyx GET /reporting/cdr_requests</c>).</summary>
    public async Task<CdrApiException> FromResponseAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = await ReadBoundedAsync(response, ErrorBodyLimit, cancellationToken).ConfigureAwait(false);
        var (errors, bodyRequestId) = ErrorBodyParser.Parse(body);
        var requestId = RequestIdOf(response) ?? bodyRequestId;

        // A refused token login answers for the call that needed the token: name the login, not the call.
        if (response.RequestMessage is { } sent && sent.Options.TryGetValue(TokenCache.LoginRequest, out var login))
        {
            what = login;
        }

        var status = (int)response.StatusCode;
        return Create(
            $"{what} failed with HTTP {status} ({response.ReasonPhrase ?? response.StatusCode.ToString()})",
            response.StatusCode,
            errors,
            requestId,
            body,
            RetryAfter.Read(response, _time));
    }

    /// <summary>
    /// The exception for errors a successful answer reports in its body, in any shape <see cref="ErrorBodyParser"/>
    /// reads (<paramref name="errorBody"/> is that JSON), for example <c>TSG POST /graphql answered with GraphQL errors</c>.
    /// </summary>
    public CdrApiException FromReportedErrors(string what, string kind, string errorBody)
    {
        var (errors, requestId) = ErrorBodyParser.Parse(errorBody);
        return Create($"{what} answered with {kind}", HttpStatusCode.OK, errors, requestId, body: null, retryAfter: null);
    }

    /// <summary>An error with every provider-written text scrubbed: a provider may echo what it was sent anywhere.</summary>
    public CdrApiError Scrub(CdrApiError error) => error with
    {
        Code = ScrubOrNull(error.Code),
        Title = ScrubOrNull(error.Title),
        Detail = ScrubOrNull(error.Detail),
        Source = ScrubOrNull(error.Source),
    };

    /// <summary>Text with every secret of the client replaced.</summary>
    public string Scrub(string text) => _secrets.Scrub(text);

    /// <summary>Reads at most <paramref name="limit"/> bytes of the body as UTF-8 (invalid bytes replaced); empty when the body cannot be read.</summary>
    public static async Task<string> ReadBoundedAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[limit];
                var total = 0;
                int read;
                while (total < limit && (read = await stream.ReadAsync(buffer.AsMemory(total, limit - total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return Encoding.UTF8.GetString(buffer, 0, total);
            }
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
    }

    /// <summary>The first few hundred bytes of a body, scrubbed, for messages about an unexpected answer.</summary>
    public async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        _secrets.Scrub(await ReadBoundedAsync(response, ExcerptLength, cancellationToken).ConfigureAwait(false));

    private CdrApiException Create(string lead, HttpStatusCode status, IReadOnlyList<CdrApiError> errors, string? requestId, string? body, TimeSpan? retryAfter)
    {
        var scrubbed = errors.Select(Scrub).ToArray();
        var message = new StringBuilder(lead);
        if (scrubbed.Length > 0)
        {
            // A provider's text may end with its own full stop; the sentence gets exactly one.
            message.Append(": ").Append(ErrorBodyParser.Format((int)status, scrubbed).TrimEnd('.', ' '));
        }

        if (requestId is not null)
        {
            message.Append(" (request id ").Append(requestId).Append(')');
        }

        message.Append('.');
        return new CdrApiException(_secrets.Scrub(message.ToString()))
        {
            Provider = _provider,
            StatusCode = status,
            Errors = scrubbed,
            RequestId = requestId,
            ResponseBodyExcerpt = string.IsNullOrEmpty(body) ? null : _secrets.Scrub(body.Length > ExcerptLength ? body[..ExcerptLength] : body),
            RetryAfter = retryAfter,
        };
    }

    private string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (var header in _requestIdHeaders)
        {
            if (response.Headers.TryGetValues(header, out var values) && values.FirstOrDefault() is { Length: > 0 } id)
            {
                return id;
            }
        }

        return null;
    }

    private string? ScrubOrNull(string? text) => text is null ? null : _secrets.Scrub(text);
}
