using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdrSdk.Core.Json;

/// <summary>
/// The one model of a provider's JSON envelope, read in a single pass from the response stream: the payload under
/// <c>data</c> (Kazoo, Telnyx v2, GraphQL) or <c>items</c> (Voiso), and every other top-level value (a Kazoo trailer,
/// Voiso's <c>metadata</c>, Telnyx's <c>meta</c>, GraphQL <c>errors</c>, a login's token) kept as JSON. Each provider's
/// source-generated context describes the envelopes it reads, so the names follow its naming policy. A listing
/// whose size has no bound is streamed item by item by <see cref="JsonEnvelopeStreamer"/> instead, which gives
/// the same view of the other values (<see cref="RestAsText"/>).
/// </summary>
/// <typeparam name="T">The payload: one document, a list of records, or a GraphQL <c>data</c> object.</typeparam>
internal sealed class JsonEnvelope<T>
{
    /// <summary>The payload under <c>data</c>.</summary>
    public T? Data { get; set; }

    /// <summary>The payload under <c>items</c> (the name some listings use instead).</summary>
    public T? Items { get; set; }

    /// <summary>Every other top-level value, as JSON.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Rest { get; set; }

    /// <summary>The payload, whichever name it came under; <see langword="null"/> when the body has none.</summary>
    [JsonIgnore]
    public T? Payload => Data ?? Items;

    /// <summary>A top-level value as text (strings as they are, numbers and booleans as written); <see langword="null"/> when absent, null, an object or an array.</summary>
    public string? Text(string name) =>
        Rest is not null && Rest.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array) ? LenientJson.AsString(value) : null;

    /// <summary>A top-level value as JSON; <see langword="null"/> when absent.</summary>
    public JsonElement? Element(string name) => Rest is not null && Rest.TryGetValue(name, out var value) ? value : null;

    /// <summary>The other values as text: strings as they are, anything else as raw JSON (the view <see cref="JsonEnvelopeStreamer"/> fills).</summary>
    public Dictionary<string, string?> RestAsText()
    {
        var text = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in Rest ?? [])
        {
            text[name] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            };
        }

        return text;
    }
}
