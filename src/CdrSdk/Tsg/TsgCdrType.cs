using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Tsg;

/// <summary>
/// The <c>CdrType</c> of a TSG <c>cdrRecords</c> query (sent upper-case). <c>SMS</c> is confirmed by TSG's docs; the
/// others are likely but unconfirmed. An open set: any other value is sent as given.
/// </summary>
[JsonConverter(typeof(OpenEnumConverter<TsgCdrType>))]
public readonly struct TsgCdrType : IOpenValue<TsgCdrType>, IEquatable<TsgCdrType>
{
    private readonly string? _value;

    /// <summary>Creates a type from its wire spelling.</summary>
    /// <param name="value">The wire value, for example <c>SMS</c>.</param>
    public TsgCdrType(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary><c>SMS</c>: text messages (confirmed).</summary>
    public static TsgCdrType Sms { get; } = new("SMS");

    /// <summary><c>MMS</c>: multimedia messages (unconfirmed).</summary>
    public static TsgCdrType Mms { get; } = new("MMS");

    /// <summary><c>VOICE</c>: calls (unconfirmed).</summary>
    public static TsgCdrType Voice { get; } = new("VOICE");

    /// <summary><c>API</c>: API requests such as lookups (unconfirmed).</summary>
    public static TsgCdrType Api { get; } = new("API");

    /// <summary>
    /// The types this SDK knows: <see cref="Sms"/>, <see cref="Mms"/>, <see cref="Voice"/>, <see cref="Api"/>.
    /// TSG may accept others; they are still sent as given.
    /// </summary>
    public static IReadOnlyList<TsgCdrType> Known { get; } = [Sms, Mms, Voice, Api];

    /// <summary>The wire value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator TsgCdrType(string value) => new(value);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(TsgCdrType left, TsgCdrType right) => left.Equals(right);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(TsgCdrType left, TsgCdrType right) => !left.Equals(right);

    /// <inheritdoc />
    public static TsgCdrType FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(TsgCdrType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TsgCdrType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
