using System.Net;
using System.Text.Json;
using CdrSdk.Core.Http;

namespace CdrSdk.Tsg;

/// <summary>
/// How TSG refuses a token: HTTP 401, or (for an expired or revoked token) HTTP 200 with a GraphQL error whose
/// <c>extensions.code</c> is <c>UNAUTHENTICATED</c>. Such an answer has no data, so it is small: a body that is
/// still going after <see cref="MaxErrorBodyBytes"/> bytes is a page of records and is passed on unread.
/// </summary>
internal static class TsgTokenRejection
{
    /// <summary>Far above any GraphQL error list; far below a page of records.</summary>
    internal const int MaxErrorBodyBytes = 16 * 1024;

    public static async Task<bool> IsRejectedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return false;
        }

        var body = await ResponsePeek.BufferIfSmallAsync(response, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        return body is { } bytes && IsUnauthenticated(bytes.Span);
    }

    /// <summary>Whether a GraphQL answer carries an <c>UNAUTHENTICATED</c> error.</summary>
    internal static bool IsUnauthenticated(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("errors", out var errors)
                || errors.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var error in errors.EnumerateArray())
            {
                if (error.ValueKind == JsonValueKind.Object
                    && error.TryGetProperty("extensions", out var extensions)
                    && extensions.ValueKind == JsonValueKind.Object
                    && extensions.TryGetProperty("code", out var code)
                    && code.ValueKind == JsonValueKind.String
                    && code.ValueEquals("UNAUTHENTICATED"))
                {
                    return true;
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
