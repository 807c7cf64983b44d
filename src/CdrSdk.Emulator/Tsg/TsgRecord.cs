namespace CdrSdk.Emulator.Tsg;

/// <summary>One TSG CDR of the emulator's data set, with every field of its GraphQL type by name.</summary>
public sealed class TsgRecord
{
    /// <summary>The seed record's index.</summary>
    public required long Index { get; init; }

    /// <summary><c>__typename</c>: <c>MessageCdr</c>, <c>VoiceCdr</c> or <c>ApiCdr</c>.</summary>
    public required string Typename { get; init; }

    /// <summary>The company the record belongs to (<c>101</c> or <c>102</c>).</summary>
    public required string CompanyId { get; init; }

    /// <summary>When the record happened.</summary>
    public required DateTimeOffset Datetime { get; init; }

    /// <summary>Every GraphQL field as text, by name (<c>datetime</c>, <c>fromNumber</c>, <c>charge</c> ...).</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }
}
