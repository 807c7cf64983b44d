using System.Text.Json;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso;

/// <summary>The <c>metadata</c> of a Voiso list response: <c>total</c> and <c>next_cursor</c> (numbers or strings accepted).</summary>
internal sealed record VoisoMetadata(long? Total, string? NextCursor)
{
    public static VoisoMetadata From(JsonElement? metadata)
    {
        if (metadata is not { ValueKind: JsonValueKind.Object } root)
        {
            return new VoisoMetadata(null, null);
        }

        var total = root.TryGetProperty("total", out var t) ? LenientJson.AsInt64(t) : null;
        var cursor = root.TryGetProperty("next_cursor", out var c) ? LenientJson.AsString(c) : null;
        return new VoisoMetadata(total, string.IsNullOrEmpty(cursor) ? null : cursor);
    }
}
