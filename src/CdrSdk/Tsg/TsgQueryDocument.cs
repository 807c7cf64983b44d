using System.Collections.Concurrent;
using System.Text;

namespace CdrSdk.Tsg;

/// <summary>
/// The <c>cdrRecords</c> GraphQL document: built once per field selection (the default selection is built once
/// for the process) with one fragment per union member, always selecting <c>__typename</c>.
/// </summary>
internal static class TsgQueryDocument
{
    private static readonly ConcurrentDictionary<(TsgMessageCdrFields, TsgVoiceCdrFields, TsgApiCdrFields), string> Documents = new();

    private static readonly (TsgMessageCdrFields Flag, string Name)[] MessageFields =
    [
        (TsgMessageCdrFields.Datetime, "datetime"), (TsgMessageCdrFields.FromNumber, "fromNumber"), (TsgMessageCdrFields.ToNumber, "toNumber"),
        (TsgMessageCdrFields.Direction, "direction"), (TsgMessageCdrFields.Status, "status"), (TsgMessageCdrFields.Charge, "charge"), (TsgMessageCdrFields.Type, "type"),
    ];

    private static readonly (TsgVoiceCdrFields Flag, string Name)[] VoiceFields =
    [
        (TsgVoiceCdrFields.Datetime, "datetime"), (TsgVoiceCdrFields.CallId, "callId"), (TsgVoiceCdrFields.SourceAni, "sourceAni"),
        (TsgVoiceCdrFields.DestinationNumber, "destinationNumber"), (TsgVoiceCdrFields.DidUsed, "didUsed"), (TsgVoiceCdrFields.SessionTime, "sessionTime"),
        (TsgVoiceCdrFields.Status, "status"), (TsgVoiceCdrFields.CalledRate, "calledRate"), (TsgVoiceCdrFields.Charge, "charge"),
        (TsgVoiceCdrFields.CallType, "callType"), (TsgVoiceCdrFields.AniIi, "aniIi"),
    ];

    private static readonly (TsgApiCdrFields Flag, string Name)[] ApiFields =
    [
        (TsgApiCdrFields.Datetime, "datetime"), (TsgApiCdrFields.From, "from"), (TsgApiCdrFields.Destination, "destination"),
        (TsgApiCdrFields.Status, "status"), (TsgApiCdrFields.Charge, "charge"), (TsgApiCdrFields.Type, "type"),
    ];

    /// <summary>The document for a selection (null: every field).</summary>
    public static string For(TsgFieldSelection? selection)
    {
        selection ??= TsgFieldSelection.All;
        return Documents.GetOrAdd((selection.Message, selection.Voice, selection.Api), static key => Build(key.Item1, key.Item2, key.Item3));
    }

    private static string Build(TsgMessageCdrFields message, TsgVoiceCdrFields voice, TsgApiCdrFields api)
    {
        var text = new StringBuilder()
            .Append("query CdrRecords($type: CdrType!, $startDatetime: DateTime!, $endDatetime: DateTime!, $companyId: ID, $limit: Int, $cursor: String) {\n")
            .Append("  cdrRecords(type: $type, startDatetime: $startDatetime, endDatetime: $endDatetime, companyId: $companyId, limit: $limit, cursor: $cursor) {\n")
            .Append("    exportLink\n")
            .Append("    paginationInfo { nextCursor limit }\n")
            .Append("    cdrs {\n")
            .Append("      __typename\n");
        Fragment(text, "ApiCdr", ApiFields.Where(f => api.HasFlag(f.Flag)).Select(f => f.Name));
        Fragment(text, "MessageCdr", MessageFields.Where(f => message.HasFlag(f.Flag)).Select(f => f.Name));
        Fragment(text, "VoiceCdr", VoiceFields.Where(f => voice.HasFlag(f.Flag)).Select(f => f.Name));
        return text.Append("    }\n  }\n}\n").ToString();
    }

    private static void Fragment(StringBuilder text, string type, IEnumerable<string> fields)
    {
        var list = string.Join(' ', fields);
        if (list.Length > 0)
        {
            text.Append("      ... on ").Append(type).Append(" { ").Append(list).Append(" }\n");
        }
    }
}
