using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Telnyx;

/// <summary>
/// The product a CDR report covers. An open set: values this SDK does not know are kept as sent by the
/// provider, so they round-trip instead of failing.
/// </summary>
[JsonConverter(typeof(OpenEnumConverter<CdrReportSource>))]
public readonly struct CdrReportSource : IOpenValue<CdrReportSource>, IEquatable<CdrReportSource>
{
    private readonly string? _value;

    /// <summary>Creates a source from its wire value.</summary>
    /// <param name="value">The wire value, for example <c>calls</c>.</param>
    public CdrReportSource(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary><c>calls</c>: SIP trunking calls (the default). v1 and v2.</summary>
    public static CdrReportSource Calls { get; } = new("calls");

    /// <summary><c>call-control</c>: Call Control applications. v1 and v2.</summary>
    public static CdrReportSource CallControl { get; } = new("call-control");

    /// <summary><c>fax-api</c>: Programmable Fax. v2 only.</summary>
    public static CdrReportSource FaxApi { get; } = new("fax-api");

    /// <summary><c>webrtc</c>: WebRTC calls. v2 only.</summary>
    public static CdrReportSource WebRtc { get; } = new("webrtc");

    /// <summary>The wire value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator CdrReportSource(string value) => new(value);

    /// <summary>Compares two sources (case-insensitive).</summary>
    /// <param name="left">The first source.</param>
    /// <param name="right">The second source.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(CdrReportSource left, CdrReportSource right) => left.Equals(right);

    /// <summary>Compares two sources (case-insensitive).</summary>
    /// <param name="left">The first source.</param>
    /// <param name="right">The second source.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CdrReportSource left, CdrReportSource right) => !left.Equals(right);

    /// <inheritdoc />
    public static CdrReportSource FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(CdrReportSource other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CdrReportSource other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
