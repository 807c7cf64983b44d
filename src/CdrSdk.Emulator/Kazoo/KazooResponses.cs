using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdrSdk.Emulator.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CdrSdk.Emulator.Kazoo;
/// <summary>Kazoo's response bodies: the success envelope (streamed for listings), CSV and the error envelope.</summary>
internal static class KazooResponses
{
    /// <summary>Bytes of a listing gathered in its buffer before they are written to the response.</summary>
    private const int ChunkBytes = 32 * 1024;

    public static async Task WriteListingAsync(Stream output, IEnumerable<KazooLeg> legs, string? next, KazooListingRequest listing, string token, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes * 2);
        using var json = new Utf8JsonWriter(buffer);
        WriteUtf8(buffer, "{\"status\":\"success\", \"data\":[");
        var count = 0;
        foreach (var leg in legs)
        {
            if (count > 0)
            {
                buffer.Write(","u8);
            }

            json.Reset();
            KazooSummary.WriteJson(json, leg);
            json.Flush();
            if (++count % 500 == 0 || buffer.WrittenCount >= ChunkBytes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.ResetWrittenCount();
                if (count % 500 == 0)
                {
                    await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var pageSize = listing.Paginate ? listing.PageSize : count;
        WriteUtf8(buffer, $"], \"page_size\": \"{pageSize.ToString(CultureInfo.InvariantCulture)}\"");
        if (next is not null)
        {
            WriteUtf8(buffer, $", \"next_start_key\": \"{next}\"");
        }

        var start = listing.StartKey?.Text ?? (listing.Ascending ? listing.From : listing.To).ToString(CultureInfo.InvariantCulture);
        WriteUtf8(buffer, $", \"start_key\": \"{start}\", \"request_id\":\"{Guid.NewGuid():N}\", \"auth_token\":\"{token}\", \"node\":\"emulator\", \"version\":\"4.3.0\", \"revision\":\"undefined\", \"timestamp\":\"{DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}\"}}");
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    public static async Task WriteCsvAsync(Stream output, IEnumerable<KazooLeg> legs, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(false), 32 * 1024) { NewLine = "\r\n" };
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(string.Join(',', KazooSummary.Columns)).ConfigureAwait(false);
            var count = 0;
            foreach (var leg in legs)
            {
                await writer.WriteLineAsync(KazooSummary.CsvRow(leg)).ConfigureAwait(false);
                if (++count % 500 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
    }

    public static JsonObject Envelope(JsonNode data, string token) => new()
    {
        ["auth_token"] = token,
        ["data"] = data,
        ["node"] = "emulator",
        ["request_id"] = Guid.NewGuid().ToString("N"),
        ["revision"] = "undefined",
        ["status"] = "success",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["version"] = "4.3.0",
    };

    public static IResult Error(int status, string error, string message, JsonNode data, string token = "")
    {
        var body = new JsonObject
        {
            ["auth_token"] = token,
            ["data"] = data,
            ["error"] = error,
            ["message"] = message,
            ["node"] = "emulator",
            ["request_id"] = Guid.NewGuid().ToString("N"),
            ["status"] = "error",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["version"] = "4.3.0",
        };
        return Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, status);
    }

    public static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json", Encoding.UTF8);

    private static void WriteUtf8(ArrayBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
