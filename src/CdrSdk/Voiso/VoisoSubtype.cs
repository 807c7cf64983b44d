using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso;

/// <summary>The subtype of a Voiso CDR (<c>subtype</c>), such as the call direction or the conversation channel. An open set: values this SDK does not know are kept as sent.</summary>
[JsonConverter(typeof(OpenEnumConverter<VoisoSubtype>))]
public readonly struct VoisoSubtype : IOpenValue<VoisoSubtype>, IEquatable<VoisoSubtype>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire spelling.</summary>
    /// <param name="value">The wire value.</param>
    public VoisoSubtype(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary><c>inbound</c>: An inbound call.</summary>
    public static VoisoSubtype Inbound { get; } = new("inbound");

    /// <summary><c>outbound</c>: A manual outbound call.</summary>
    public static VoisoSubtype Outbound { get; } = new("outbound");

    /// <summary><c>dialer</c>: A call placed by the dialer.</summary>
    public static VoisoSubtype Dialer { get; } = new("dialer");

    /// <summary><c>click_to_call</c>: A click-to-call call.</summary>
    public static VoisoSubtype ClickToCall { get; } = new("click_to_call");

    /// <summary><c>queue_callback</c>: A queue callback.</summary>
    public static VoisoSubtype QueueCallback { get; } = new("queue_callback");

    /// <summary><c>outbound_sms</c>: An outbound SMS.</summary>
    public static VoisoSubtype OutboundSms { get; } = new("outbound_sms");

    /// <summary><c>inbound_sms</c>: An inbound SMS.</summary>
    public static VoisoSubtype InboundSms { get; } = new("inbound_sms");

    /// <summary><c>whatsapp</c>: A WhatsApp conversation.</summary>
    public static VoisoSubtype WhatsApp { get; } = new("whatsapp");

    /// <summary><c>facebook</c>: A Facebook conversation.</summary>
    public static VoisoSubtype Facebook { get; } = new("facebook");

    /// <summary><c>instagram</c>: An Instagram conversation.</summary>
    public static VoisoSubtype Instagram { get; } = new("instagram");

    /// <summary><c>telegram</c>: A Telegram conversation.</summary>
    public static VoisoSubtype Telegram { get; } = new("telegram");

    /// <summary><c>web_chat</c>: A web chat.</summary>
    public static VoisoSubtype WebChat { get; } = new("web_chat");

    /// <summary>The wire value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator VoisoSubtype(string value) => new(value);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(VoisoSubtype left, VoisoSubtype right) => left.Equals(right);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(VoisoSubtype left, VoisoSubtype right) => !left.Equals(right);

    /// <inheritdoc />
    public static VoisoSubtype FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VoisoSubtype other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VoisoSubtype other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
