using System.Data.Common;

namespace CdrSdk.Sync.Stores;

/// <summary>Reads column values the same way from DuckDB and PostgreSQL readers.</summary>
internal static class DbValues
{
    /// <summary>A timestamp column as UTC, whatever CLR type the driver returns for it.</summary>
    public static DateTimeOffset? Time(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal)
            ? null
            : reader.GetValue(ordinal) switch
            {
                DateTimeOffset offset => offset.ToUniversalTime(),
                DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time, DateTimeKind.Utc)),
                var other => throw new InvalidCastException($"Expected a timestamp, got {other.GetType().Name}."),
            };

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
