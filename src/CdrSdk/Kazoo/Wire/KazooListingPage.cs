using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdrSdk.Kazoo.Wire;

/// <summary>
/// One page of a paginated Kazoo listing, read in a single pass: the <c>data</c> items and every other envelope
/// value (<c>next_start_key</c>, <c>status</c>, <c>request_id</c>, ...). Unpaginated listings, whose size has no
/// bound, are streamed item by item instead.
/// </summary>
internal sealed class KazooListingPage<T>
{
    public List<T>? Data { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Envelope { get; set; }

    /// <summary>The envelope values as text: strings as they are, anything else as raw JSON.</summary>
    public Dictionary<string, string?> EnvelopeText()
    {
        var text = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in Envelope ?? [])
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
