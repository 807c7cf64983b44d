using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CdrSdk.Emulator;

/// <summary>Records every request and injects the queued faults, in front of every endpoint of one listener.</summary>
internal sealed class EmulatorMiddleware
{
    private readonly string _origin;
    private readonly EmulatorFaults _faults;
    private readonly EmulatorRequestLog _log;
    private readonly System.Threading.RateLimiting.RateLimiter? _rateLimit;

    /// <param name="origin">The listener's name, <c>api</c> or <c>download</c>.</param>
    /// <param name="faults">The queued faults.</param>
    /// <param name="log">The request log.</param>
    /// <param name="rateLimit">A provider-style request limit: requests beyond it answer 429 at once; <see langword="null"/> for none.</param>
    public EmulatorMiddleware(string origin, EmulatorFaults faults, EmulatorRequestLog log, System.Threading.RateLimiting.RateLimiter? rateLimit = null)
    {
        _origin = origin;
        _faults = faults;
        _log = log;
        _rateLimit = rateLimit;
    }

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        var fault = _faults.Take(_origin, request.Method, request.Path.Value ?? "/", out var hit);
        var entry = new RecordedRequest
        {
            Origin = _origin,
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            QueryString = request.QueryString.Value ?? string.Empty,
            Headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        };
        _log.Add(entry);

        // Like the real APIs (Telnyx, Voiso's Rails, Kazoo's crossbar), every answer names its request.
        context.Response.Headers["x-request-id"] = Guid.NewGuid().ToString("N");
        if (_rateLimit is not null)
        {
            using var lease = _rateLimit.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                await WriteStatusAsync(context, new FaultRule { StatusCode = 429, RetryAfterSeconds = 1 }, hit: 1).ConfigureAwait(false);
                entry.StatusCode = 429;
                return;
            }
        }

        if (fault?.Kind is not (FaultKind.Abort or FaultKind.TruncateBody))
        {
            context.Response.OnStarting(() =>
            {
                entry.StatusCode = context.Response.StatusCode;
                return Task.CompletedTask;
            });
        }

        await RunAsync(context, next, fault, hit).ConfigureAwait(false);
    }

    private static async Task RunAsync(HttpContext context, Func<Task> next, FaultRule? fault, int hit)
    {
        switch (fault?.Kind)
        {
            case null:
                await next().ConfigureAwait(false);
                return;
            case FaultKind.Latency:
                await Task.Delay(fault.Latency, context.RequestAborted).ConfigureAwait(false);
                await next().ConfigureAwait(false);
                return;
            case FaultKind.Abort:
                context.Abort();
                return;
            case FaultKind.Status:
                await WriteStatusAsync(context, fault, hit).ConfigureAwait(false);
                return;
            case FaultKind.TruncateBody:
                await TruncateAsync(context, next).ConfigureAwait(false);
                return;
        }
    }

    private static async Task WriteStatusAsync(HttpContext context, FaultRule fault, int hit)
    {
        var response = context.Response;
        response.StatusCode = fault.StatusCode;
        if (fault.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (name, value) in fault.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        response.ContentType = fault.ContentType;
        if (fault.BodyBytes is { } bytes)
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var body = fault.BodyForHit?.Invoke(hit)
            ?? fault.Body
            ?? $$"""{"errors":[{"code":"{{(fault.StatusCode == 429 ? "10011" : "10000")}}","title":"Injected fault","detail":"The emulator answered {{fault.StatusCode}} on purpose."}]}""";
        await response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task TruncateAsync(HttpContext context, Func<Task> next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        var bytes = buffer.ToArray();
        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted).ConfigureAwait(false);
        await original.FlushAsync(context.RequestAborted).ConfigureAwait(false);

        // Let the headers and the first half reach the client before the connection drops, so the fault is a body
        // cut off mid-way (not a connection that never answered).
        await Task.Delay(50, context.RequestAborted).ConfigureAwait(false);
        context.Abort();
    }
}
