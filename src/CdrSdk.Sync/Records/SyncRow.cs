namespace CdrSdk.Sync.Records;

/// <summary>
/// One record as every store writes it: the key (provider, source, id), the unified fields, the provider's record
/// as JSON and a hash of all of it that tells an unchanged record from a changed one.
/// </summary>
internal sealed class SyncRow
{
    public required string Provider { get; init; }

    public required string Source { get; init; }

    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required string Direction { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public decimal? DurationSeconds { get; init; }

    public decimal? BillableSeconds { get; init; }

    public required string Outcome { get; init; }

    public string? RawOutcome { get; init; }

    public decimal? Cost { get; init; }

    public string? Currency { get; init; }

    /// <summary>
    /// The provider's record as UTF-8 JSON (its wire names, nulls left out), as the stores take it: in the buffer of
    /// the page it was mapped with, valid until that page is reused, so a store copies it while it stages the row and
    /// never keeps it.
    /// </summary>
    public required ReadOnlyMemory<byte> Record { get; init; }

    /// <summary>A 64-bit hash of every field above except the key's provider and source.</summary>
    public required long ContentHash { get; init; }
}
