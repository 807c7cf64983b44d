using System.Text.Json.Nodes;

namespace CdrSdk.Emulator.Telnyx;

/// <summary>A report request held by the Telnyx emulation, with the parsed criteria its CSV honours.</summary>
internal sealed class EmulatedReport
{
    public required string Id { get; init; }

    public required bool IsMdr { get; init; }

    public required int ApiVersion { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public required DateTimeOffset EndTime { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset CompletesAt { get; init; }

    public required IReadOnlyList<int> CallTypes { get; init; }

    public required IReadOnlyList<int> RecordTypes { get; init; }

    public required IReadOnlyList<string> Connections { get; init; }

    public required IReadOnlyList<string> Profiles { get; init; }

    public required IReadOnlyList<string> Directions { get; init; }

    public required IReadOnlyList<EmulatedFilter> Filters { get; init; }

    public string? ReportName { get; init; }

    public string? Source { get; init; }

    public string? Timezone { get; init; }

    public required string DownloadToken { get; init; }

    /// <summary>The filters exactly as the client sent them, echoed back in responses.</summary>
    public required JsonArray RawFilters { get; init; }

    /// <summary>3 (failed) or 4 (expired) when a test forced the report to end without a file.</summary>
    public int? ForcedStatus { get; set; }

    public bool IsComplete(DateTimeOffset now) => ForcedStatus is null && now >= CompletesAt;

    /// <summary>1 pending, 2 complete, 3 failed, 4 expired.</summary>
    public int StatusAt(DateTimeOffset now) => ForcedStatus ?? (IsComplete(now) ? 2 : 1);
}
