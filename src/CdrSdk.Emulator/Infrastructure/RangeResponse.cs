using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CdrSdk.Emulator.Infrastructure;

/// <summary>
/// Serves a generated file with an <c>ETag</c> and honours <c>Range: bytes=N-</c> (with <c>If-Range</c>) the way
/// file hosts do, so a client can resume a download cut off mid-body. Without a range the file streams as it
/// is generated; with one it is generated in memory and the requested part is answered with 206.
/// </summary>
internal static partial class RangeResponse
{
    public static async Task WriteAsync(HttpContext context, string contentType, string etag, Func<Stream, CancellationToken, Task> write)
    {
        var request = context.Request;
        var response = context.Response;
        var quoted = "\"" + etag + "\"";
        response.Headers.ETag = quoted;
        response.Headers.AcceptRanges = "bytes";
        response.ContentType = contentType;
        var range = OpenRange().Match(request.Headers.Range.ToString());
        var ifRange = request.Headers.IfRange.ToString();
        if (!range.Success || (ifRange.Length > 0 && ifRange != quoted))
        {
            await write(response.Body, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        using var file = new MemoryStream();
        await write(file, context.RequestAborted).ConfigureAwait(false);
        var start = long.Parse(range.Groups["start"].Value, CultureInfo.InvariantCulture);
        if (start >= file.Length)
        {
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes */{file.Length}");
            return;
        }

        response.StatusCode = StatusCodes.Status206PartialContent;
        response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{file.Length - 1}/{file.Length}");
        response.ContentLength = file.Length - start;
        await response.Body.WriteAsync(file.GetBuffer().AsMemory((int)start, (int)(file.Length - start)), context.RequestAborted).ConfigureAwait(false);
    }

    [GeneratedRegex(@"^bytes=(?<start>\d+)-$", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OpenRange();
}
