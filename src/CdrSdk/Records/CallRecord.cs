namespace CdrSdk;

/// <summary>
/// One call or message record in a shape common to every provider, with the provider's own typed record in
/// <see cref="ProviderRecord"/> for everything else. Fields a provider does not give are <see langword="null"/>;
/// docs/unified-records.md lists where each field comes from for each provider.
/// </summary>
public sealed record CallRecord
{
    private readonly string _id = string.Empty;

    /// <summary>The provider the record comes from.</summary>
    public required CdrProvider Provider { get; init; }

    /// <summary>
    /// The record's key: never empty, and the same on every run for the same record, so it can key a store
    /// (with <see cref="Provider"/> and the source). The provider's own id where it gives one (Telnyx <c>uuid</c>,
    /// Voiso <c>id</c>, TSG voice <c>callId</c>, Kazoo <c>id</c>); otherwise an id derived from the record's
    /// identifying fields only, <c>h1:{kind}:{32 hex digits}</c>, which does not change when status, cost, duration or
    /// outcome do (docs/unified-records.md lists the fields per provider, and what happens when two records share them).
    /// </summary>
    /// <exception cref="ArgumentException">Set to an empty or blank value.</exception>
    public required string Id
    {
        get => _id;
        init => _id = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException("A CallRecord's Id must not be empty: use the provider's id or one derived from the record's identifying fields.", nameof(value))
            : value;
    }

    /// <summary>Call, message, or other.</summary>
    public required CallKind Kind { get; init; }

    /// <summary>Inbound, outbound or internal; <see cref="CallDirection.Unknown"/> when not given.</summary>
    public CallDirection Direction { get; init; }

    /// <summary>The calling or sending number (as the provider writes it, usually E.164).</summary>
    public string? From { get; init; }

    /// <summary>The called or receiving number.</summary>
    public string? To { get; init; }

    /// <summary>When the call started or the message was created (UTC).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the call was answered, if it was and the provider says so.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>When the call ended or the message reached its final state.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The whole duration (ringing included where the provider counts it).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The billable (usually talk) duration.</summary>
    public TimeSpan? BillableDuration { get; init; }

    /// <summary>How the call or message ended, normalized.</summary>
    public CallOutcome Outcome { get; init; }

    /// <summary>The provider's own status, disposition or hangup cause that <see cref="Outcome"/> was derived from.</summary>
    public string? RawOutcome { get; init; }

    /// <summary>What the record cost, in <see cref="Currency"/> (or the account's currency when that is <see langword="null"/>).</summary>
    public decimal? Cost { get; init; }

    /// <summary>The ISO 4217 currency of <see cref="Cost"/>, when the provider says.</summary>
    public string? Currency { get; init; }

    /// <summary>
    /// The provider's typed record: <c>CdrReportRow</c> or <c>MdrReportRow</c> (Telnyx), <c>VoisoCdr</c>,
    /// <c>TsgCdr</c>, <c>KazooCdrSummary</c>. Use <see cref="GetProviderRecord{T}"/> to read it typed.
    /// </summary>
    public required object ProviderRecord { get; init; }

    /// <summary>The provider's record as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The provider record type, or a base type of it.</typeparam>
    /// <returns>The record.</returns>
    /// <exception cref="InvalidCastException">The record is of another type; the message names both.</exception>
    public T GetProviderRecord<T>()
        where T : class =>
        ProviderRecord as T
        ?? throw new InvalidCastException($"This {Provider.DisplayName()} record is a {ProviderRecord.GetType().Name}, not a {typeof(T).Name}.");

    /// <summary>
    /// Writes <see cref="ProviderRecord"/> as JSON in the provider's shape: a JSON-born record (Voiso, TSG, Kazoo) under
    /// the provider's own field names (snake_case for Voiso and Kazoo, camelCase for TSG), its mapped fields from the
    /// values the SDK read (a timestamp in ISO 8601, an amount sent as a string written as a number, an id as a string),
    /// the fields this SDK does not map kept as sent, nulls left out; a CSV row (Telnyx reports) as an object of its
    /// columns in header order. Characters are escaped as <paramref name="writer"/>'s encoder says. Uses the SDK's
    /// compile-time contracts (no reflection, trimming and AOT safe).
    /// </summary>
    /// <param name="writer">Where the JSON value goes.</param>
    /// <returns>
    /// <see langword="true"/> when written; <see langword="false"/>, with nothing written, when the record is not one of
    /// the SDK's provider record types (a <see cref="CallRecord"/> built by hand): serialize it your own way then.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public bool TryWriteProviderRecordJson(System.Text.Json.Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return ProviderRecord is Core.Json.IWireJsonRecord record && record.TryWriteWireJson(writer);
    }
}
