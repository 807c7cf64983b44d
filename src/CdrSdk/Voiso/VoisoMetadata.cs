using System.Text.Json;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso;

/// <summary>The <c>metadata</c> of a Voiso list response: <c>total</c> and <c>next_cursor</c>.</summary>
internal sealed record VoisoMetadata(long? Total, string? NextCursor)
{
    public static VoisoMetadata Parse(IReadOnlyDictionary<string, string?> envelope)
    {
        if (!envelope.TryGetValue("metadata", out var raw) || string.IsNullOrEmpty(raw))
        {
            return new VoisoMetadata(null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(raw);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new VoisoMetadata(null, null);
            }

            var total = root.TryGetProperty("total", out var t) ? LenientJson.AsInt64(t) : null;
            var cursor = root.TryGetProperty("next_cursor", out var c) ? LenientJson.AsString(c) : null;
            return new VoisoMetadata(total, string.IsNullOrEmpty(cursor) ? null : cursor);
        }
        catch (JsonException)
        {
            return new VoisoMetadata(null, null);
        }
    }
}
