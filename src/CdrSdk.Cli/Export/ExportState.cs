namespace CdrSdk.Tool.Export;

/// <summary>
/// Where an export stands, saved after every page written: the output holds exactly <see cref="Bytes"/> bytes of
/// whole records, and <see cref="ContinuationToken"/> lists what comes after them. No secret is ever stored.
/// </summary>
internal sealed record ExportState
{
    /// <summary>The state file layout; a file of another version is refused.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The export's arguments that decide its content, as text (<see cref="ExportIdentity"/>).</summary>
    public required string Identity { get; init; }

    /// <summary>The token to continue after the last page written; <see langword="null"/> before the first page.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>The length of the output when this state was saved.</summary>
    public long Bytes { get; init; }

    public long Records { get; init; }

    public long Pages { get; init; }

    /// <summary>The last page was written; only the state file's removal may be missing.</summary>
    public bool Completed { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
