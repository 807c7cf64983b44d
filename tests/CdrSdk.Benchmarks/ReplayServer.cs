using System.Globalization;
using System.Text;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CdrSdk.Benchmarks;

/// <summary>
/// A Kazoo listing server that costs next to nothing: it asks the emulator for a few real pages of 1000 legs
/// once, then answers every page request from memory (page n is stored page n mod k, with its own
/// <c>next_start_key</c>). The clients measured against it (SDK, raw loop, naive loop) receive the emulator's
/// exact bytes, but the server's JSON writing no longer competes with them for the CPU, so the harness measures
/// the clients. An optional latency per page imitates a distant server.
/// </summary>
internal static class ReplayServer
{
    private const int StoredPages = 16;

    public static async Task<int> RunAsync(string[] args)
    {
        var pages = int.Parse(args[0], CultureInfo.InvariantCulture);
        var latency = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0);
        var bodies = await CapturePagesAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/v2/accounts/{account}/cdrs", async (HttpContext context) =>
        {
            var key = context.Request.Query["start_key"].ToString();
            var page = key.Length == 0 ? 0 : int.Parse(key.AsSpan(1), CultureInfo.InvariantCulture);
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted);
            }

            var next = page + 1 < pages ? string.Create(CultureInfo.InvariantCulture, $"\"next_start_key\":\"p{page + 1}\",") : string.Empty;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(bodies[page % bodies.Length], context.RequestAborted);
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(next + "\"page_size\":\"1000\",\"status\":\"success\",\"revision\":\"undefined\"}"), context.RequestAborted);
        });
        await app.StartAsync();
        Console.WriteLine("ADDRESS " + app.Urls.First().TrimEnd('/') + "/");
        Console.Out.Flush();
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    /// <summary>The first pages of a real listing, each cut after its <c>data</c> array and a comma.</summary>
    private static async Task<byte[][]> CapturePagesAsync()
    {
        await using var emulator = await CdrEmulator.StartAsync(new CdrEmulatorOptions { CallsPerHour = 5000, MessagesPerHour = 5000 });
        using var http = new HttpClient { BaseAddress = emulator.KazooBaseAddress };
        http.DefaultRequestHeaders.Add("X-Auth-Token", emulator.Options.KazooStaticToken);
        var from = KazooDataSet.Gregorian(EmulatorDataSet.Epoch.AddDays(1));
        var bodies = new byte[StoredPages][];
        string? startKey = null;
        for (var i = 0; i < StoredPages; i++)
        {
            var url = string.Create(CultureInfo.InvariantCulture, $"v2/accounts/{KazooDataSet.AccountIds[0]}/cdrs?created_from={from}&created_to={from + (31 * 86_400) - 1}&page_size=1000&ascending=true");
            var text = await http.GetStringAsync(startKey is null ? url : url + "&start_key=" + Uri.EscapeDataString(startKey));
            var end = text.LastIndexOf(']');
            bodies[i] = Encoding.UTF8.GetBytes(text[..(end + 1)] + ",");
            var marker = "\"next_start_key\": \"";
            var at = text.IndexOf(marker, end, StringComparison.Ordinal) + marker.Length;
            startKey = text[at..text.IndexOf('"', at)];
        }

        return bodies;
    }
}
