using Microsoft.Extensions.Logging;

namespace CdrSdk.Telnyx;

/// <summary>The Telnyx log messages (event ids 3xxx); the shared ones are in <c>Log</c>.</summary>
internal static partial class TelnyxLog
{
    [LoggerMessage(3000, LogLevel.Warning, "MDR report end time {EndTime:o} is within the last 4 hours: messages still awaiting delivery confirmation may be missing from the report")]
    public static partial void MdrEndTimeRecent(ILogger logger, DateTimeOffset endTime);

    [LoggerMessage(3001, LogLevel.Warning, "Report start time {StartTime:o} is more than 30 days ago: Telnyx keeps detail records for 30 days, older records will be missing")]
    public static partial void ReportStartBeyondRetention(ILogger logger, DateTimeOffset startTime);
}
