using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso;

/// <summary>An event that happened during a Voiso interaction (<c>event_tag</c>). An open set: values this SDK does not know are kept as sent.</summary>
[JsonConverter(typeof(OpenEnumConverter<VoisoEventTag>))]
public readonly struct VoisoEventTag : IOpenValue<VoisoEventTag>, IEquatable<VoisoEventTag>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire spelling.</summary>
    /// <param name="value">The wire value.</param>
    public VoisoEventTag(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary><c>all_transfers</c>: Filter value that expands to every transfer tag (request only).</summary>
    public static VoisoEventTag AllTransfers { get; } = new("all_transfers");

    /// <summary><c>blind_transfer</c>: Blind transfer.</summary>
    public static VoisoEventTag BlindTransfer { get; } = new("blind_transfer");

    /// <summary><c>attended_transfer</c>: Attended transfer.</summary>
    public static VoisoEventTag AttendedTransfer { get; } = new("attended_transfer");

    /// <summary><c>queue_transfer</c>: Transfer to a queue.</summary>
    public static VoisoEventTag QueueTransfer { get; } = new("queue_transfer");

    /// <summary><c>hold</c>: Put on hold.</summary>
    public static VoisoEventTag Hold { get; } = new("hold");

    /// <summary><c>mute</c>: Muted.</summary>
    public static VoisoEventTag Mute { get; } = new("mute");

    /// <summary><c>conference</c>: Conference.</summary>
    public static VoisoEventTag Conference { get; } = new("conference");

    /// <summary><c>callback_requested</c>: Callback requested.</summary>
    public static VoisoEventTag CallbackRequested { get; } = new("callback_requested");

    /// <summary>The wire value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator VoisoEventTag(string value) => new(value);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(VoisoEventTag left, VoisoEventTag right) => left.Equals(right);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(VoisoEventTag left, VoisoEventTag right) => !left.Equals(right);

    /// <inheritdoc />
    public static VoisoEventTag FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VoisoEventTag other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VoisoEventTag other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
