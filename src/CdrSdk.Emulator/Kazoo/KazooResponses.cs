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
    public static async Task WriteListingAsync(Stream output, IEnumerable<KazooLeg> legs, string? next, KazooListingRequest listing, string token, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(false), 32 * 1024);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync("{\"status\":\"success\", \"data\":[").ConfigureAwait(false);
            var count = 0;
            foreach (var leg in legs)
            {
                if (count > 0)
                {
                    await writer.WriteAsync(',').ConfigureAwait(false);
                }

                await writer.WriteAsync(KazooDocuments.Summary(leg).ToJsonString()).ConfigureAwait(false);
                if (++count % 500 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            var pageSize = listing.Paginate ? listing.PageSize : count;
            await writer.WriteAsync($"], \"page_size\": \"{pageSize.ToString(CultureInfo.InvariantCulture)}\"").ConfigureAwait(false);
            if (next is not null)
            {
                await writer.WriteAsync($", \"next_start_key\": \"{next}\"").ConfigureAwait(false);
            }

            var start = listing.StartKey?.Text ?? (listing.Ascending ? listing.From : listing.To).ToString(CultureInfo.InvariantCulture);
            await writer.WriteAsync($", \"start_key\": \"{start}\", \"request_id\":\"{Guid.NewGuid():N}\", \"auth_token\":\"{token}\", \"node\":\"emulator\", \"version\":\"4.3.0\", \"revision\":\"undefined\", \"timestamp\":\"{DateTimeOffset.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}\"}}").ConfigureAwait(false);
        }
    }

    public static async Task WriteCsvAsync(Stream output, IEnumerable<KazooLeg> legs, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(false), 32 * 1024) { NewLine = "\r\n" };
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(KazooDocuments.CsvHeader()).ConfigureAwait(false);
            var count = 0;
            foreach (var leg in legs)
            {
                await writer.WriteLineAsync(KazooDocuments.CsvRow(leg)).ConfigureAwait(false);
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
}
