namespace CdrSdk.Emulator.Voiso;

/// <summary>One Voiso interaction record derived from a <see cref="SeedCall"/>: a call, a conversation, an SMS or an HLR lookup.</summary>
public sealed class VoisoRecord
{
    /// <summary>The seed call's index (records are listed newest first by this index).</summary>
    public required long Index { get; init; }

    /// <summary><c>id</c>.</summary>
    public required string Id { get; init; }

    /// <summary><c>type</c>: call, conversation, sms or hlr_lookup.</summary>
    public required string Type { get; init; }

    /// <summary><c>subtype</c>.</summary>
    public required string Subtype { get; init; }

    /// <summary><c>started_at</c>.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary><c>ended_at</c>.</summary>
    public required DateTimeOffset EndedAt { get; init; }

    /// <summary><c>answered_at</c> (answered calls).</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary><c>disposition</c>.</summary>
    public required string Disposition { get; init; }

    /// <summary><c>user_id</c>.</summary>
    public string? UserId { get; init; }

    /// <summary><c>team_id</c>.</summary>
    public string? TeamId { get; init; }

    /// <summary><c>queue_id</c> (calls and conversations).</summary>
    public string? QueueId { get; init; }

    /// <summary><c>campaign_id</c>.</summary>
    public string? CampaignId { get; init; }

    /// <summary><c>external_account_id</c>.</summary>
    public string? ExternalAccountId { get; init; }

    /// <summary><c>wrap_up_code</c>.</summary>
    public string? WrapUpCode { get; init; }

    /// <summary><c>end_reason</c>.</summary>
    public string? EndReason { get; init; }

    /// <summary><c>event_tags</c>.</summary>
    public IReadOnlyList<string> EventTags { get; init; } = [];

    /// <summary><c>from_phone_number</c>.</summary>
    public string? FromPhoneNumber { get; init; }

    /// <summary><c>to_phone_number</c>.</summary>
    public string? ToPhoneNumber { get; init; }

    /// <summary><c>destination_country</c>.</summary>
    public string? DestinationCountry { get; init; }

    /// <summary><c>source_channel_account_id</c> (conversations).</summary>
    public string? SourceChannelAccountId { get; init; }

    /// <summary><c>destination_channel_account_id</c> (conversations).</summary>
    public string? DestinationChannelAccountId { get; init; }

    /// <summary><c>source_channel_profile_id</c> (conversations).</summary>
    public string? SourceChannelProfileId { get; init; }

    /// <summary><c>destination_channel_profile_id</c> (conversations).</summary>
    public string? DestinationChannelProfileId { get; init; }

    /// <summary><c>conversation_score</c> (conversations).</summary>
    public long? ConversationScore { get; init; }

    /// <summary><c>duration</c>, seconds.</summary>
    public long Duration { get; init; }

    /// <summary><c>dialing_duration</c>, seconds (calls).</summary>
    public long? DialingDuration { get; init; }

    /// <summary><c>ivr_duration</c>, seconds (calls).</summary>
    public long? IvrDuration { get; init; }

    /// <summary><c>queue_duration</c>, seconds (calls).</summary>
    public long? QueueDuration { get; init; }

    /// <summary><c>talk_duration</c>, seconds (calls).</summary>
    public long? TalkDuration { get; init; }

    /// <summary><c>hold_duration</c>, seconds (calls).</summary>
    public long? HoldDuration { get; init; }

    /// <summary><c>message_parts</c> (SMS).</summary>
    public long? MessageParts { get; init; }

    /// <summary><c>network</c> (HLR lookups).</summary>
    public string? Network { get; init; }

    /// <summary><c>status</c> (HLR lookups).</summary>
    public string? Status { get; init; }
}
