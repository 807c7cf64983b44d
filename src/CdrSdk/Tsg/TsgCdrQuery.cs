namespace CdrSdk.Tsg;

/// <summary>
/// The arguments of TSG's <c>cdrRecords</c> query. Validated before any request: <see cref="Start"/> before
/// <see cref="End"/>, <see cref="End"/> not after now (by the client's clock), <see cref="Limit"/> 1 to 1000.
/// </summary>
public sealed record TsgCdrQuery
{
    /// <summary><c>type</c>: the CDR type, sent upper-case (<see cref="TsgCdrType.Sms"/> is confirmed).</summary>
    public required TsgCdrType Type { get; init; }

    /// <summary><c>startDatetime</c>: records with datetime at or after this instant.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary><c>endDatetime</c>: records with datetime before this instant; at most now.</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary><c>companyId</c>: another company's records (admin users only).</summary>
    public string? CompanyId { get; init; }

    /// <summary><c>limit</c>: records per page, 1 to 1000; <see langword="null"/> uses the page size hint, else the server default (100).</summary>
    public int? Limit { get; init; }

    /// <summary>The fields to select; <see langword="null"/> selects every field.</summary>
    public TsgFieldSelection? Fields { get; init; }
}
