namespace CdrSdk.Tool.Terminal;

/// <summary>
/// The exit codes of every <c>cdr</c> command, the same for each, listed by <c>cdr --help</c> and in
/// docs/cdr-tool.md. A command returns one of these and nothing else.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>The provider or the network failed after the retries; what was saved stays and <c>export --resume</c> (or the next sync) continues.</summary>
    public const int ProviderFailed = 1;

    /// <summary>A usage, input, file or configuration error, found before anything was sent or written.</summary>
    public const int UsageError = 2;

    /// <summary>The provider refused the credentials or the permission; nothing resumable is left behind.</summary>
    public const int AccessRefused = 3;

    /// <summary>Interrupted by Ctrl+C (SIGINT) or SIGTERM; what was saved stays and <c>export --resume</c> (or the next sync) continues.</summary>
    public const int Interrupted = 130;

    /// <summary>Every code with its meaning, in the order the help lists them.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> All { get; } =
    [
        (Success, "done"),
        (ProviderFailed, "the provider or the network failed after retries; what was saved is kept: export --resume, or the next sync, continues"),
        (UsageError, "usage, input, file or config error; nothing was sent, written or left behind"),
        (AccessRefused, "authentication or permission refused; nothing is left behind, fix the credentials and run again"),
        (Interrupted, "interrupted (Ctrl+C); what was saved is kept: export --resume, or the next sync, continues"),
    ];
}
