using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso;

/// <summary>The kind of a Voiso CDR (<c>type</c>). An open set: values this SDK does not know are kept as sent.</summary>
[JsonConverter(typeof(OpenEnumConverter<VoisoCdrType>))]
public readonly struct VoisoCdrType : IOpenValue<VoisoCdrType>, IEquatable<VoisoCdrType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire spelling.</summary>
    /// <param name="value">The wire value.</param>
    public VoisoCdrType(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary><c>call</c>: A voice call.</summary>
    public static VoisoCdrType Call { get; } = new("call");

    /// <summary><c>conversation</c>: A digital conversation (WhatsApp, web chat, social channels).</summary>
    public static VoisoCdrType Conversation { get; } = new("conversation");

    /// <summary><c>sms</c>: An SMS.</summary>
    public static VoisoCdrType Sms { get; } = new("sms");

    /// <summary><c>hlr_lookup</c>: An HLR lookup of a phone number.</summary>
    public static VoisoCdrType HlrLookup { get; } = new("hlr_lookup");

    /// <summary>
    /// The types this SDK knows, in documentation order: <see cref="Call"/>, <see cref="Conversation"/>,
    /// <see cref="Sms"/>, <see cref="HlrLookup"/>. Voiso may add others; they are still accepted and round-trip.
    /// </summary>
    public static IReadOnlyList<VoisoCdrType> Known { get; } = [Call, Conversation, Sms, HlrLookup];

    /// <summary>The wire value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator VoisoCdrType(string value) => new(value);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(VoisoCdrType left, VoisoCdrType right) => left.Equals(right);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(VoisoCdrType left, VoisoCdrType right) => !left.Equals(right);

    /// <inheritdoc />
    public static VoisoCdrType FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VoisoCdrType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VoisoCdrType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
