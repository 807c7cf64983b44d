using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso;

/// <summary>The outcome of a Voiso CDR (<c>disposition</c>). An open set: values this SDK does not know are kept as sent.</summary>
[JsonConverter(typeof(OpenEnumConverter<VoisoDisposition>))]
public readonly struct VoisoDisposition : IOpenValue<VoisoDisposition>, IEquatable<VoisoDisposition>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire spelling.</summary>
    /// <param name="value">The wire value.</param>
    public VoisoDisposition(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary><c>answered</c>: Answered.</summary>
    public static VoisoDisposition Answered { get; } = new("answered");

    /// <summary><c>failed</c>: Failed.</summary>
    public static VoisoDisposition Failed { get; } = new("failed");

    /// <summary><c>busy</c>: Busy.</summary>
    public static VoisoDisposition Busy { get; } = new("busy");

    /// <summary><c>no_answer</c>: Not answered.</summary>
    public static VoisoDisposition NoAnswer { get; } = new("no_answer");

    /// <summary><c>rejected</c>: Rejected.</summary>
    public static VoisoDisposition Rejected { get; } = new("rejected");

    /// <summary><c>abandoned</c>: Abandoned by the caller.</summary>
    public static VoisoDisposition Abandoned { get; } = new("abandoned");

    /// <summary><c>missed</c>: Missed.</summary>
    public static VoisoDisposition Missed { get; } = new("missed");

    /// <summary><c>dialer_abandoned</c>: Abandoned by the dialer.</summary>
    public static VoisoDisposition DialerAbandoned { get; } = new("dialer_abandoned");

    /// <summary><c>system_abandoned</c>: Abandoned by the system.</summary>
    public static VoisoDisposition SystemAbandoned { get; } = new("system_abandoned");

    /// <summary><c>answered_by_VM</c>: Answered by voicemail.</summary>
    public static VoisoDisposition AnsweredByVoicemail { get; } = new("answered_by_VM");

    /// <summary><c>system_reject</c>: Rejected by the system.</summary>
    public static VoisoDisposition SystemReject { get; } = new("system_reject");

    /// <summary><c>machine_answered</c>: Answered by a machine.</summary>
    public static VoisoDisposition MachineAnswered { get; } = new("machine_answered");

    /// <summary><c>sent</c>: Message sent.</summary>
    public static VoisoDisposition Sent { get; } = new("sent");

    /// <summary><c>not_sent</c>: Message not sent.</summary>
    public static VoisoDisposition NotSent { get; } = new("not_sent");

    /// <summary><c>route_unavailable</c>: No route available.</summary>
    public static VoisoDisposition RouteUnavailable { get; } = new("route_unavailable");

    /// <summary><c>delivered</c>: Message delivered.</summary>
    public static VoisoDisposition Delivered { get; } = new("delivered");

    /// <summary><c>not_delivered</c>: Message not delivered.</summary>
    public static VoisoDisposition NotDelivered { get; } = new("not_delivered");

    /// <summary><c>waiting</c>: Waiting.</summary>
    public static VoisoDisposition Waiting { get; } = new("waiting");

    /// <summary><c>active</c>: Still active.</summary>
    public static VoisoDisposition Active { get; } = new("active");

    /// <summary>The wire value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator VoisoDisposition(string value) => new(value);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(VoisoDisposition left, VoisoDisposition right) => left.Equals(right);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(VoisoDisposition left, VoisoDisposition right) => !left.Equals(right);

    /// <inheritdoc />
    public static VoisoDisposition FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VoisoDisposition other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VoisoDisposition other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
