using System.Globalization;

namespace CdrSdk.Tool.Output;

/// <summary>The columns of an export, in order, and how each is written as text; CSV and JSON Lines share them.</summary>
internal static class CallRecordColumns
{
    public const string Provider = "provider";
    public const string Id = "id";
    public const string Kind = "kind";
    public const string Direction = "direction";
    public const string From = "from";
    public const string To = "to";
    public const string StartedAt = "started_at";
    public const string AnsweredAt = "answered_at";
    public const string EndedAt = "ended_at";
    public const string DurationSeconds = "duration_seconds";
    public const string BillableSeconds = "billable_seconds";
    public const string Outcome = "outcome";
    public const string RawOutcome = "raw_outcome";
    public const string Cost = "cost";
    public const string Currency = "currency";

    public static readonly string[] Names =
    [
        Provider, Id, Kind, Direction, From, To, StartedAt, AnsweredAt, EndedAt, DurationSeconds, BillableSeconds, Outcome, RawOutcome, Cost, Currency,
    ];

    /// <summary>The record's values as text, in <see cref="Names"/> order; absent values are empty.</summary>
    public static string[] TextValues(CallRecord record) =>
    [
        Word(record.Provider.ToString()),
        record.Id ?? string.Empty,
        Word(record.Kind.ToString()),
        Word(record.Direction.ToString()),
        record.From ?? string.Empty,
        record.To ?? string.Empty,
        Time(record.StartedAt) ?? string.Empty,
        Time(record.AnsweredAt) ?? string.Empty,
        Time(record.EndedAt) ?? string.Empty,
        Seconds(record.Duration) ?? string.Empty,
        Seconds(record.BillableDuration) ?? string.Empty,
        Word(record.Outcome.ToString()),
        record.RawOutcome ?? string.Empty,
        record.Cost?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        record.Currency ?? string.Empty,
    ];

    /// <summary>Enum names as lower snake case words: <c>NoAnswer</c> is <c>no_answer</c> (the words <c>cdr sync</c> stores, too).</summary>
    public static string Word(string name) => CdrSdk.Sync.Records.RecordWords.Snake(name);

    /// <summary>UTC, ISO 8601 with milliseconds: <c>2026-10-01T08:15:02.123Z</c>.</summary>
    public static string? Time(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Seconds, with up to three decimals when not whole.</summary>
    public static string? Seconds(TimeSpan? value) =>
        value?.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
