using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CdrSdk.Core.Json;

/// <summary>
/// Streams the items of one array property of a JSON object (an envelope such as
/// <c>{"status":"success","data":[...],"next_start_key":"..."}</c>) straight from the response stream, item by
/// item, without ever holding the whole body: only the read buffer and one item at a time live in memory. The
/// envelope's other top-level properties are captured as text (objects and arrays as raw JSON), whether they
/// come before or after the array.
/// </summary>
internal static class JsonEnvelopeStreamer
{
    private const int InitialBufferSize = 64 * 1024;
    private const int BatchSize = 256;

    /// <summary>The largest single item accepted (a guard against hostile or broken bodies).</summary>
    public const int MaxItemBytes = 16 * 1024 * 1024;

    private enum Phase
    {
        Start,
        Root,
        Array,
        Done,
    }

    /// <summary>Yields the items of <paramref name="arrayProperty"/>; fills <paramref name="properties"/> with every other top-level property.</summary>
    /// <exception cref="JsonException">The body is not a JSON object, is cut short, or an item does not fit <paramref name="typeInfo"/>.</exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream, string arrayProperty, JsonTypeInfo<T> typeInfo, IDictionary<string, string?> properties, CancellationToken cancellationToken) =>
        ReadAsync(stream, [arrayProperty], typeInfo, properties, cancellationToken);

    /// <summary>Yields the items of whichever of <paramref name="arrayProperties"/> the body has (providers that name the list differently).</summary>
    /// <exception cref="JsonException">The body is not a JSON object, is cut short, or an item does not fit <paramref name="typeInfo"/>.</exception>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        string[] arrayProperties,
        JsonTypeInfo<T> typeInfo,
        IDictionary<string, string?> properties,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var parser = new Parser<T>(arrayProperties, typeInfo, properties);
        var start = 0;
        var end = 0;
        var final = false;
        try
        {
            while (parser.Phase != Phase.Done)
            {
                var needMore = parser.Parse(buffer.AsSpan(start, end - start), final, out var consumed);
                start += consumed;
                foreach (var item in parser.Items)
                {
                    yield return item;
                }

                parser.Items.Clear();
                if (parser.Phase == Phase.Done || !needMore)
                {
                    continue;
                }

                if (final)
                {
                    throw new JsonException("The JSON body ended before the document was complete.");
                }

                (buffer, start, end) = MakeRoom(buffer, start, end);
                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    final = true;
                }

                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (byte[] Buffer, int Start, int End) MakeRoom(byte[] buffer, int start, int end)
    {
        if (end < buffer.Length)
        {
            return (buffer, start, end);
        }

        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            return (buffer, 0, end - start);
        }

        if (buffer.Length >= MaxItemBytes)
        {
            throw new JsonException($"A single JSON value is larger than {MaxItemBytes / (1024 * 1024)} MB; refusing to buffer it.");
        }

        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        Buffer.BlockCopy(buffer, 0, larger, 0, end);
        ArrayPool<byte>.Shared.Return(buffer);
        return (larger, 0, end);
    }

    /// <summary>The synchronous part: walks as far as the buffered bytes allow, resuming from its saved state.</summary>
    private sealed class Parser<T>(string[] arrayProperties, JsonTypeInfo<T> typeInfo, IDictionary<string, string?> properties)
    {
        private JsonReaderState _state;

        public Phase Phase { get; private set; }

        public List<T> Items { get; } = new(BatchSize);

        /// <summary>Parses; returns <see langword="true"/> when more input is needed to go on.</summary>
        public bool Parse(ReadOnlySpan<byte> data, bool isFinal, out int consumed)
        {
            var reader = new Utf8JsonReader(data, isFinal, _state);
            var needMore = false;
            while (Phase != Phase.Done && Items.Count < BatchSize)
            {
                var checkpoint = reader;
                if (!Step(ref reader, data))
                {
                    reader = checkpoint;
                    needMore = true;
                    break;
                }
            }

            _state = reader.CurrentState;
            consumed = (int)reader.BytesConsumed;
            return needMore;
        }

        private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
        {
            if (!reader.Read())
            {
                return false;
            }

            switch (Phase)
            {
                case Phase.Start:
                    Phase = reader.TokenType == JsonTokenType.StartObject
                        ? Phase.Root
                        : throw new JsonException($"Expected a JSON object, found {reader.TokenType}.");
                    return true;
                case Phase.Root:
                    return StepRoot(ref reader, data);
                default:
                    return StepArray(ref reader, data);
            }
        }

        private bool StepRoot(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                Phase = Phase.Done;
                return true;
            }

            var name = reader.GetString()!;
            if (!reader.Read())
            {
                return false;
            }

            if (Array.IndexOf(arrayProperties, name) >= 0)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartArray:
                        Phase = Phase.Array;
                        return true;
                    case JsonTokenType.Null:
                        return true;
                    default:
                        throw new JsonException($"Expected '{name}' to be an array, found {reader.TokenType}.");
                }
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                var start = (int)reader.TokenStartIndex;
                if (!reader.TrySkip())
                {
                    return false;
                }

                properties[name] = Encoding.UTF8.GetString(data[start..(int)reader.BytesConsumed]);
                return true;
            }

            properties[name] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Null => null,
                _ => Encoding.UTF8.GetString(reader.ValueSpan),
            };
            return true;
        }

        private bool StepArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                Phase = Phase.Root;
                return true;
            }

            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                return false;
            }

            var item = JsonSerializer.Deserialize(data[start..(int)reader.BytesConsumed], typeInfo);
            if (item is not null)
            {
                Items.Add(item);
            }

            return true;
        }
    }
}
