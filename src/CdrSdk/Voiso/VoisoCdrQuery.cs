namespace CdrSdk.Voiso;

/// <summary>
/// Filters and paging of <c>GET /api/v4/reporting/cdrs</c>. Every property is optional; list properties accept
/// one value or several (sent as <c>key=v</c>, or <c>key[]=a&amp;key[]=b</c>, see
/// <see cref="VoisoOptions.ArrayStyle"/>). Validated before any request.
/// </summary>
/// <remarks>
/// Rules: lists are not empty and hold no empty values; numbers are not negative and a minimum is not above its
/// maximum; an exact value is not combined with a range; <see cref="FromPhoneNumber"/> excludes
/// <see cref="FromPhoneNumberLike"/> (same for "to"); <see cref="Limit"/> is 0 to 1000 and <see cref="Offset"/>
/// below 10,000 (the API pages by offset only within the first 10,000 records, then by cursor).
/// </remarks>
public sealed record VoisoCdrQuery
{
    /// <summary><c>type</c>: call, conversation, sms, hlr_lookup.</summary>
    public IReadOnlyList<VoisoCdrType>? Type { get; init; }

    /// <summary><c>subtype</c>: for example inbound, outbound, dialer, whatsapp.</summary>
    public IReadOnlyList<VoisoSubtype>? Subtype { get; init; }

    /// <summary><c>disposition</c>: for example answered, no_answer, delivered.</summary>
    public IReadOnlyList<VoisoDisposition>? Disposition { get; init; }

    /// <summary><c>external_account_id</c>.</summary>
    public IReadOnlyList<string>? ExternalAccountId { get; init; }

    /// <summary><c>wrap_up_code</c>.</summary>
    public IReadOnlyList<string>? WrapUpCode { get; init; }

    /// <summary><c>end_reason</c>.</summary>
    public IReadOnlyList<VoisoEndReason>? EndReason { get; init; }

    /// <summary><c>event_tag</c>; <see cref="VoisoEventTag.AllTransfers"/> expands to every transfer type.</summary>
    public IReadOnlyList<VoisoEventTag>? EventTag { get; init; }

    /// <summary><c>from_phone_number</c>: exact caller numbers. Excludes <see cref="FromPhoneNumberLike"/>.</summary>
    public IReadOnlyList<string>? FromPhoneNumber { get; init; }

    /// <summary><c>to_phone_number</c>: exact destination numbers. Excludes <see cref="ToPhoneNumberLike"/>.</summary>
    public IReadOnlyList<string>? ToPhoneNumber { get; init; }

    /// <summary><c>from_phone_number_like</c>: a caller number pattern, <c>*</c> as wildcard (for example <c>+4420*</c>).</summary>
    public string? FromPhoneNumberLike { get; init; }

    /// <summary><c>to_phone_number_like</c>: a destination number pattern, <c>*</c> as wildcard.</summary>
    public string? ToPhoneNumberLike { get; init; }

    /// <summary><c>source_channel_account_id</c>.</summary>
    public IReadOnlyList<string>? SourceChannelAccountId { get; init; }

    /// <summary><c>destination_channel_account_id</c>.</summary>
    public IReadOnlyList<string>? DestinationChannelAccountId { get; init; }

    /// <summary><c>source_channel_profile_id</c>.</summary>
    public IReadOnlyList<string>? SourceChannelProfileId { get; init; }

    /// <summary><c>destination_channel_profile_id</c>.</summary>
    public IReadOnlyList<string>? DestinationChannelProfileId { get; init; }

    /// <summary><c>user_id</c>: agents.</summary>
    public IReadOnlyList<string>? UserId { get; init; }

    /// <summary><c>team_id</c>.</summary>
    public IReadOnlyList<string>? TeamId { get; init; }

    /// <summary><c>queue_id</c>.</summary>
    public IReadOnlyList<string>? QueueId { get; init; }

    /// <summary><c>campaign_id</c>.</summary>
    public IReadOnlyList<string>? CampaignId { get; init; }

    /// <summary><c>destination_country</c>: country names.</summary>
    public IReadOnlyList<string>? DestinationCountry { get; init; }

    /// <summary><c>conversation_score</c>: a score or a score range.</summary>
    public VoisoNumberFilter? ConversationScore { get; init; }

    /// <summary><c>duration</c>: overall duration in seconds.</summary>
    public VoisoNumberFilter? Duration { get; init; }

    /// <summary><c>dialing_duration</c>, seconds.</summary>
    public VoisoNumberFilter? DialingDuration { get; init; }

    /// <summary><c>ivr_duration</c>, seconds in the IVR.</summary>
    public VoisoNumberFilter? IvrDuration { get; init; }

    /// <summary><c>queue_duration</c>, seconds in queue.</summary>
    public VoisoNumberFilter? QueueDuration { get; init; }

    /// <summary><c>talk_duration</c>, seconds talking.</summary>
    public VoisoNumberFilter? TalkDuration { get; init; }

    /// <summary><c>hold_duration</c>, seconds on hold.</summary>
    public VoisoNumberFilter? HoldDuration { get; init; }

    /// <summary><c>started_at</c>: a start time or range.</summary>
    public VoisoTimeFilter? StartedAt { get; init; }

    /// <summary><c>ended_at</c>: an end time or range.</summary>
    public VoisoTimeFilter? EndedAt { get; init; }

    /// <summary><c>limit</c>: records per page, 0 to 1000; <see langword="null"/> uses the page size hint, else 100. 0 asks for counts only.</summary>
    public int? Limit { get; init; }

    /// <summary><c>offset</c>: records to skip at the start, 0 to 9,999 (offsets reach only the first 10,000 records).</summary>
    public int? Offset { get; init; }
}
