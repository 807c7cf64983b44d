using CdrSdk.Core.Csv;

namespace CdrSdk.Telnyx;

/// <summary>
/// One message of a finished MDR report. The typed properties read the first of several likely column names;
/// every column stays reachable through the indexer (<c>row["profile_name"]</c>).
/// </summary>
public sealed class MdrReportRow : CsvRecord
{
    private static readonly string[] IdColumns = ["id", "uuid", "message_id", "message_uuid", "mdr_id"];
    private static readonly string[] CliColumns = ["cli", "from", "source_number"];
    private static readonly string[] CldColumns = ["cld", "to", "destination_number"];
    private static readonly string[] DirectionColumns = ["direction"];
    private static readonly string[] CreatedColumns = ["created_at", "sent_at", "date", "timestamp"];
    private static readonly string[] CompletedColumns = ["completed_at", "delivered_at", "finalized_at"];
    private static readonly string[] StatusColumns = ["status", "delivery_status"];
    private static readonly string[] MessageTypeColumns = ["message_type", "type"];
    private static readonly string[] PartsColumns = ["parts", "segments"];
    private static readonly string[] RateColumns = ["rate"];
    private static readonly string[] CostColumns = ["cost", "total_cost"];
    private static readonly string[] CurrencyColumns = ["currency"];
    private static readonly string[] ProfileColumns = ["profile_id", "messaging_profile_id"];
    private static readonly string[] TagColumns = ["tags", "tags_list", "tag"];

    internal MdrReportRow(CsvHeader header, string[] fields)
        : base(header, fields)
    {
    }

    /// <summary>
    /// The message id: the first of <c>id</c>, <c>uuid</c>, <c>message_id</c>, <c>message_uuid</c>, <c>mdr_id</c>
    /// that the report has (names compared ignoring case, spaces, hyphens and underscores); <see langword="null"/>
    /// when it has none.
    /// </summary>
    public string? Id => GetString(IdColumns);

    /// <summary>The sending number (<c>cli</c> or <c>from</c>).</summary>
    public string? Cli => GetString(CliColumns);

    /// <summary>The receiving number (<c>cld</c> or <c>to</c>).</summary>
    public string? Cld => GetString(CldColumns);

    /// <summary>The direction as written in the report.</summary>
    public string? Direction => GetString(DirectionColumns);

    /// <summary>When the message was created or sent.</summary>
    public DateTimeOffset? CreatedAt => GetDateTimeOffset(CreatedColumns);

    /// <summary>When the message reached its final state, if the report says.</summary>
    public DateTimeOffset? CompletedAt => GetDateTimeOffset(CompletedColumns);

    /// <summary>The delivery status as written in the report.</summary>
    public string? Status => GetString(StatusColumns);

    /// <summary>SMS or MMS, as written in the report.</summary>
    public string? MessageType => GetString(MessageTypeColumns);

    /// <summary>The number of message parts.</summary>
    public long? Parts => GetInt64(PartsColumns);

    /// <summary>The rate per part.</summary>
    public decimal? Rate => GetDecimal(RateColumns);

    /// <summary>The cost of the message.</summary>
    public decimal? Cost => GetDecimal(CostColumns);

    /// <summary>The currency of <see cref="Rate"/> and <see cref="Cost"/>.</summary>
    public string? Currency => GetString(CurrencyColumns);

    /// <summary>The messaging profile id.</summary>
    public string? ProfileId => GetString(ProfileColumns);

    /// <summary>The tags of the message.</summary>
    public IReadOnlyList<string> Tags => GetList(TagColumns);
}
