using System.Net;

namespace CdrSdk.Tool.Terminal;

/// <summary>
/// What a failure means to the user of <c>cdr</c>: its exit code and the one-line message. <see cref="From"/>
/// classifies an exception the same way for every command.
/// </summary>
/// <param name="ExitCode">One of <see cref="ExitCodes"/>.</param>
/// <param name="Message">What went wrong and, where it helps, what to do; one line.</param>
internal sealed record CliFailure(int ExitCode, string Message)
{
    // Provider error codes that mean "who you are" or "what you may do" was refused, whatever the HTTP status
    // (TSG answers an expired token with HTTP 200 and UNAUTHENTICATED; Telnyx 10009/10010; Kazoo invalid_credentials).
    private static readonly HashSet<string> AccessCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "10009", "10010", "unauthorized", "unauthenticated", "forbidden", "invalid_credentials", "authentication_failed",
    };

    /// <summary>
    /// Classifies an exception: <see cref="UsageException"/>, <see cref="CdrValidationException"/> and the SDK's
    /// <see cref="ArgumentException"/>s (a malformed id, for example) are usage errors, a refused credential or permission is <see cref="ExitCodes.AccessRefused"/>, any other SDK failure
    /// is <see cref="ExitCodes.ProviderFailed"/>, cancellation is <see cref="ExitCodes.Interrupted"/>.
    /// </summary>
    public static CliFailure From(Exception exception) => exception switch
    {
        OperationCanceledException => new(ExitCodes.Interrupted, "interrupted"),
        UsageException => new(ExitCodes.UsageError, exception.Message),
        CdrValidationException => new(ExitCodes.UsageError, exception.Message),
        ArgumentException => new(ExitCodes.UsageError, exception.Message),
        CdrException cdr when IsAccessRefused(cdr) => new(ExitCodes.AccessRefused, exception.Message),
        CdrException => new(ExitCodes.ProviderFailed, exception.Message),
        _ => new(ExitCodes.ProviderFailed, $"unexpected {exception.GetType().Name}: {exception.Message} (run with --verbose for the details)"),
    };

    /// <summary>Whether the provider refused the credentials (401, a failed login) or the permission (403).</summary>
    public static bool IsAccessRefused(CdrException exception) =>
        exception is CdrApiException api
        && (api.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || api.Errors.Any(e => e.Code is { } code && AccessCodes.Contains(code)));
}
