using System.Globalization;
using System.Text.Json.Nodes;

namespace CdrSdk.Emulator.Telnyx;

/// <summary>
/// Keeps each report request on disk (when <see cref="CdrEmulatorOptions.StateDirectory"/> is set), so an
/// emulator started again finds the reports an earlier run created: a client that saved a report id (for example
/// the <c>cdr</c> tool's resumable state) can continue after a restart. Only the request is kept; the report is
/// rebuilt from it, and its rows come from the same seeded data set.
/// </summary>
internal sealed class TelnyxReportJournal
{
    private readonly string? _directory;

    public TelnyxReportJournal(string? directory)
    {
        _directory = directory;
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
    }

    public void Save(EmulatedReport report, JsonNode body)
    {
        if (PathOf(report.Id) is not { } path)
        {
            return;
        }

        var entry = new JsonObject
        {
            ["id"] = report.Id,
            ["is_mdr"] = report.IsMdr,
            ["version"] = report.ApiVersion,
            ["created_at"] = report.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["body"] = body.DeepClone(),
        };
        File.WriteAllText(path, entry.ToJsonString());
    }

    /// <summary>The saved request of a report, or <see langword="null"/> when none was saved.</summary>
    public (bool IsMdr, int Version, DateTimeOffset CreatedAt, JsonNode Body)? Load(string id)
    {
        if (PathOf(id) is not { } path || !File.Exists(path))
        {
            return null;
        }

        var entry = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return (
            entry["is_mdr"]!.GetValue<bool>(),
            entry["version"]!.GetValue<int>(),
            DateTimeOffset.Parse(entry["created_at"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            entry["body"]!);
    }

    public void Delete(string id)
    {
        if (PathOf(id) is { } path)
        {
            File.Delete(path);
        }
    }

    // Report ids are GUIDs the emulator made; anything else never touches the disk.
    private string? PathOf(string id) =>
        _directory is not null && Guid.TryParse(id, out var guid)
            ? Path.Combine(_directory, "telnyx-" + guid.ToString("D") + ".json")
            : null;
}
