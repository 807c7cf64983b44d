using Microsoft.Extensions.Logging;

namespace CdrSdk.Sync.Engine;

/// <summary>The sync's log messages (source-generated; source names and counts only, never a credential).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Sync of {Source}: {Windows} windows from {From:O} to {Until:O}")]
    public static partial void Planned(ILogger logger, string source, int windows, DateTimeOffset from, DateTimeOffset until);

    [LoggerMessage(2, LogLevel.Information, "Sync of {Source} ended {Outcome}: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged in {Windows} windows")]
    public static partial void Finished(ILogger logger, string source, string outcome, long inserted, long updated, long unchanged, int windows);

    [LoggerMessage(3, LogLevel.Error, "Sync of {Source} failed: {Error}")]
    public static partial void Failed(ILogger logger, string source, string error);

    [LoggerMessage(4, LogLevel.Information, "Source {Source} is held by worker {Owner}; waiting for it")]
    public static partial void Leased(ILogger logger, string source, string? owner);

    [LoggerMessage(5, LogLevel.Information, "Sync run started: {Sources} sources into {Store} as worker {Worker}")]
    public static partial void RunStarted(ILogger logger, int sources, string store, string worker);
}
