using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CdrSdk.Paging;

/// <summary>
/// Turns a paginator's position into an opaque, URL-safe string and back. Format: <c>{kind}.{base64url(json)}</c>,
/// where the kind names the operation (for example <c>telnyx-cdr-reports</c>) so a token is never used for the
/// wrong sequence.
/// </summary>
internal static class ContinuationTokenCodec
{
    public static string Encode<TState>(string kind, TState state, JsonTypeInfo<TState> typeInfo)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(state, typeInfo);
        return kind + "." + Base64Url.Encode(json);
    }

    public static TState Decode<TState>(string continuationToken, string kind, JsonTypeInfo<TState> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(continuationToken);
        var token = continuationToken;
        var separator = token.IndexOf('.', StringComparison.Ordinal);
        if (separator <= 0 || !token.AsSpan(0, separator).SequenceEqual(kind))
        {
            var actual = separator > 0 ? token[..separator] : "(unrecognised)";
            throw new ArgumentException(
                $"continuationToken was not issued for this sequence: it belongs to '{actual}', this sequence expects '{kind}'. Use a token from a page of the same kind of listing.",
                nameof(continuationToken));
        }

        try
        {
            var state = JsonSerializer.Deserialize(Base64Url.Decode(token[(separator + 1)..]), typeInfo);
            return state ?? throw new FormatException("empty state");
        }
        catch (Exception ex) when (ex is FormatException or JsonException or DecoderFallbackException)
        {
            throw new ArgumentException("continuationToken is damaged or truncated: pass back a token exactly as the SDK returned it.", nameof(continuationToken), ex);
        }
    }
}
