using System.Data.Common;

namespace CdrSdk.Sync.Stores;

/// <summary>Reads <c>cdr_sync_state</c> rows selected with the state columns (both SQL stores).</summary>
internal static class StateReader
{
    public static SourceState Read(DbDataReader reader)
    {
        var start = DbValues.Time(reader, 3);
        var end = DbValues.Time(reader, 4);
        return new SourceState
        {
            Source = reader.GetString(0),
            Provider = reader.GetString(1),
            Watermark = DbValues.Time(reader, 2),
            InFlight = start is { } s && end is { } e ? new SyncWindow(s, e) : null,
            InFlightToken = DbValues.Text(reader, 5),
            LastRunStartedAt = DbValues.Time(reader, 6),
            LastRunFinishedAt = DbValues.Time(reader, 7),
            LastOutcome = DbValues.Text(reader, 8),
            LastError = DbValues.Text(reader, 9),
            LastCounts = new CdrSyncCounts(reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12)),
            LeaseOwner = DbValues.Text(reader, 13),
            LeaseExpiresAt = DbValues.Time(reader, 14),
        };
    }
}
