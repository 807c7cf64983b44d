using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace CdrSdk.Sync.Records;

/// <summary>
/// Turns the <see cref="CallRecord"/>s of one window into the <see cref="SyncRow"/>s the stores write, one at a time: a
/// row's <see cref="SyncRow.Record"/> is appended to a buffer the caller reuses (a page's rows share one, and the
/// stores copy the JSON while they stage a row), so the provider's JSON costs no allocation per record.
/// </summary>
internal sealed class SyncRowMapper
{
    private readonly XxHash3 _hash = new();

    /// <summary>Maps <paramref name="record"/>, its provider JSON appended to <paramref name="json"/>.</summary>
    /// <exception cref="CdrSyncException">The record has no id: the store could not key it.</exception>
    public SyncRow Map(CallRecord record, string source, ArrayBufferWriter<byte> json)
    {
        ArgumentNullException.ThrowIfNull(record);
        var provider = RecordWords.Of(record.Provider);
        if (string.IsNullOrWhiteSpace(record.Id))
        {
            throw new CdrSyncException(
                $"Source '{source}' ({provider}) delivered a {RecordWords.Of(record.Kind)} record without an id (started {record.StartedAt?.ToUniversalTime():O}): " +
                "records are stored by (provider, source, id), so a record without one cannot be synced. Nothing more of this source was written.");
        }

        var recordJson = ProviderRecordJson.Append(record, json);
        var kind = RecordWords.Of(record.Kind);
        var direction = RecordWords.Of(record.Direction);
        var outcome = RecordWords.Of(record.Outcome);
        var started = record.StartedAt?.ToUniversalTime();
        var answered = record.AnsweredAt?.ToUniversalTime();
        var ended = record.EndedAt?.ToUniversalTime();
        var duration = Seconds(record.Duration);
        var billable = Seconds(record.BillableDuration);

        var hash = _hash;
        hash.Reset();
        Append(hash, record.Id);
        Append(hash, kind);
        Append(hash, direction);
        Append(hash, record.From);
        Append(hash, record.To);
        Append(hash, started);
        Append(hash, answered);
        Append(hash, ended);
        Append(hash, duration);
        Append(hash, billable);
        Append(hash, outcome);
        Append(hash, record.RawOutcome);
        Append(hash, record.Cost);
        Append(hash, record.Currency);
        hash.Append(recordJson.Span);

        return new SyncRow
        {
            Provider = provider,
            Source = source,
            Id = record.Id,
            Kind = kind,
            Direction = direction,
            From = record.From,
            To = record.To,
            StartedAt = started,
            AnsweredAt = answered,
            EndedAt = ended,
            DurationSeconds = duration,
            BillableSeconds = billable,
            Outcome = outcome,
            RawOutcome = record.RawOutcome,
            Cost = record.Cost,
            Currency = record.Currency,
            Record = recordJson,
            ContentHash = unchecked((long)hash.GetCurrentHashAsUInt64()),
        };
    }

    /// <summary>Seconds with millisecond precision, the precision <c>cdr export</c> writes.</summary>
    public static decimal? Seconds(TimeSpan? value) => value is { } v ? Math.Round((decimal)v.Ticks / TimeSpan.TicksPerSecond, 3) : null;

    private static void Append(XxHash3 hash, string? value)
    {
        Span<byte> buffer = stackalloc byte[256];
        if (value is not null)
        {
            if (Encoding.UTF8.GetMaxByteCount(value.Length) <= buffer.Length)
            {
                hash.Append(buffer[..Encoding.UTF8.GetBytes(value, buffer)]);
            }
            else
            {
                hash.Append(Encoding.UTF8.GetBytes(value));
            }
        }

        buffer[0] = value is null ? (byte)0 : (byte)0x1f;
        hash.Append(buffer[..1]);
    }

    private static void Append(XxHash3 hash, DateTimeOffset? value)
    {
        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = value is null ? (byte)0 : (byte)1;
        BitConverter.TryWriteBytes(bytes[1..], value?.UtcTicks ?? 0);
        hash.Append(bytes);
    }

    private static void Append(XxHash3 hash, decimal? value)
    {
        Span<byte> bytes = stackalloc byte[48];
        var length = 0;
        if (value is { } v && v.TryFormat(bytes[1..], out var written, "G", CultureInfo.InvariantCulture))
        {
            length = written;
        }

        bytes[0] = value is null ? (byte)0 : (byte)1;
        hash.Append(bytes[..(length + 1)]);
    }
}
