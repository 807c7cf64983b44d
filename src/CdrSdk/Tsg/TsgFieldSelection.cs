namespace CdrSdk.Tsg;

/// <summary>
/// Which fields of each CDR type the query document selects. Fewer fields mean smaller pages and a smaller CSV
/// export (the export includes exactly the selected fields). Default: every field of every type.
/// </summary>
public sealed record TsgFieldSelection
{
    /// <summary>Every field of every type.</summary>
    public static TsgFieldSelection All { get; } = new();

    /// <summary>The <c>MessageCdr</c> fields. Default all.</summary>
    public TsgMessageCdrFields Message { get; init; } = TsgMessageCdrFields.All;

    /// <summary>The <c>VoiceCdr</c> fields. Default all.</summary>
    public TsgVoiceCdrFields Voice { get; init; } = TsgVoiceCdrFields.All;

    /// <summary>The <c>ApiCdr</c> fields. Default all.</summary>
    public TsgApiCdrFields Api { get; init; } = TsgApiCdrFields.All;
}
