using System.Text.Json.Serialization;
using CdrSdk.Core.Json;

namespace CdrSdk.Voiso;

/// <summary>Why a Voiso interaction ended (<c>end_reason</c>). An open set: values this SDK does not know are kept as sent.</summary>
[JsonConverter(typeof(OpenEnumConverter<VoisoEndReason>))]
public readonly struct VoisoEndReason : IOpenValue<VoisoEndReason>, IEquatable<VoisoEndReason>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire spelling.</summary>
    /// <param name="value">The wire value.</param>
    public VoisoEndReason(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary><c>agent_disconnect</c>: The agent hung up.</summary>
    public static VoisoEndReason AgentDisconnect { get; } = new("agent_disconnect");

    /// <summary><c>customer_disconnect</c>: The customer hung up.</summary>
    public static VoisoEndReason CustomerDisconnect { get; } = new("customer_disconnect");

    /// <summary><c>dncr_failure</c>: The do-not-call registry check failed.</summary>
    public static VoisoEndReason DncrFailure { get; } = new("dncr_failure");

    /// <summary><c>dncr_rejected</c>: Rejected by the do-not-call registry.</summary>
    public static VoisoEndReason DncrRejected { get; } = new("dncr_rejected");

    /// <summary><c>machine_disconnect</c>: A machine hung up.</summary>
    public static VoisoEndReason MachineDisconnect { get; } = new("machine_disconnect");

    /// <summary><c>manager_terminate</c>: A manager terminated it.</summary>
    public static VoisoEndReason ManagerTerminate { get; } = new("manager_terminate");

    /// <summary><c>remote_party_disconnect</c>: The remote party hung up.</summary>
    public static VoisoEndReason RemotePartyDisconnect { get; } = new("remote_party_disconnect");

    /// <summary><c>system_reject</c>: Rejected by the system.</summary>
    public static VoisoEndReason SystemReject { get; } = new("system_reject");

    /// <summary><c>timeout</c>: Timed out.</summary>
    public static VoisoEndReason Timeout { get; } = new("timeout");

    /// <summary>The wire value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator VoisoEndReason(string value) => new(value);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(VoisoEndReason left, VoisoEndReason right) => left.Equals(right);

    /// <summary>Compares two values (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(VoisoEndReason left, VoisoEndReason right) => !left.Equals(right);

    /// <inheritdoc />
    public static VoisoEndReason FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(VoisoEndReason other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VoisoEndReason other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value;
}
