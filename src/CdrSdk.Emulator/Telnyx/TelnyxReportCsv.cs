using System.Globalization;
using System.Text;

namespace CdrSdk.Emulator.Telnyx;

/// <summary>Writes the CSV file of a report from the data set, honouring its time range and every criterion.</summary>
internal static class TelnyxReportCsv
{
    public const string CdrHeader = "uuid,start_time,answer_time,end_time,direction,cli,cld,call_sec,billed_sec,rate,cost,currency,status,hangup_cause,connection_id,tags";
    public const string MdrHeader = "id,created_at,completed_at,direction,cli,cld,status,message_type,parts,rate,cost,currency,profile_id,tags";

    /// <summary>The calls a CDR report includes, in time order: as they were when the report was generated (it completed).</summary>
    public static IEnumerable<SeedCall> SelectCalls(EmulatedReport report, EmulatorDataSet data) =>
        data.CallsVisibleAt(report.StartTime, report.EndTime, report.CompletesAt).Where(call =>
            report.CallTypes.Contains(call.Direction == "inbound" ? 1 : 2)
            && report.RecordTypes.Contains(call.Disposition switch
            {
                "answered" => 1,
                "failed" => 3,
                _ => 2,
            })
            && (report.Connections.Count == 0 || report.Connections.Contains(call.ConnectionId))
            && MatchesFilters(report.Filters, call.From, call.To, call.Tags, "bg-" + call.ConnectionId));

    /// <summary>The messages an MDR report includes, in time order: as they were when the report was generated (it completed).</summary>
    public static IEnumerable<SeedMessage> SelectMessages(EmulatedReport report, EmulatorDataSet data) =>
        data.MessagesVisibleAt(report.StartTime, report.EndTime, report.CompletesAt).Where(message =>
            (report.Directions.Count > 0
                ? report.Directions.Contains(message.Direction)
                : report.ApiVersion == 2 || report.CallTypes.Contains(message.Direction == "inbound" ? 1 : 2))
            && report.RecordTypes.Contains(message.Status switch
            {
                "delivered" => 1,
                "sent" => 2,
                _ => 3,
            })
            && (report.Profiles.Count == 0 || report.Profiles.Contains(message.ProfileId))
            && MatchesFilters(report.Filters, message.From, message.To, message.Tags, "bg-" + message.ProfileId));

    /// <summary>Filters combine left to right: <c>A and B or C</c> is <c>(A and B) or C</c>.</summary>
    public static bool MatchesFilters(IReadOnlyList<EmulatedFilter> filters, string from, string to, IReadOnlyList<string> tags, string billingGroup)
    {
        if (filters.Count == 0)
        {
            return true;
        }

        var result = filters[0].Matches(from, to, tags, billingGroup);
        for (var i = 1; i < filters.Count; i++)
        {
            var match = filters[i].Matches(from, to, tags, billingGroup);
            result = filters[i].Type == "or" ? result || match : result && match;
        }

        return result;
    }

    public static async Task WriteAsync(EmulatedReport report, EmulatorDataSet data, Stream output, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(report.IsMdr ? MdrHeader : CdrHeader).ConfigureAwait(false);
            var count = 0;
            foreach (var row in report.IsMdr ? SelectMessages(report, data).Select(Line) : SelectCalls(report, data).Select(Line))
            {
                await writer.WriteLineAsync(row).ConfigureAwait(false);
                if (++count % 1000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

        }
    }

    private static string Line(SeedCall c) => string.Join(',',
        c.Id,
        Iso(c.StartedAt),
        c.AnsweredAt is { } a ? Iso(a) : string.Empty,
        Iso(c.EndedAt),
        c.Direction,
        c.From,
        c.To,
        c.DurationSeconds.ToString(CultureInfo.InvariantCulture),
        c.BillableSeconds.ToString(CultureInfo.InvariantCulture),
        c.Rate.ToString(CultureInfo.InvariantCulture),
        c.Cost.ToString(CultureInfo.InvariantCulture),
        c.Currency,
        c.Disposition,
        c.HangupCause,
        c.ConnectionId,
        Quote(string.Join(',', c.Tags)));

    private static string Line(SeedMessage m) => string.Join(',',
        m.Id,
        Iso(m.CreatedAt),
        Iso(m.CompletedAt),
        m.Direction,
        m.From,
        m.To,
        m.Status,
        m.MessageType,
        m.Parts.ToString(CultureInfo.InvariantCulture),
        m.Rate.ToString(CultureInfo.InvariantCulture),
        m.Cost.ToString(CultureInfo.InvariantCulture),
        m.Currency,
        m.ProfileId,
        Quote(string.Join(',', m.Tags)));

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? "\"" + value + "\"" : value;

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
