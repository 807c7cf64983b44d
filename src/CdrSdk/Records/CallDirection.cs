namespace CdrSdk;

/// <summary>The direction of a call or message, seen from the account whose records are read.</summary>
public enum CallDirection
{
    /// <summary>The provider did not say, or said something the SDK does not map (the provider record keeps it).</summary>
    Unknown = 0,

    /// <summary>Towards the account: received calls and messages.</summary>
    Inbound = 1,

    /// <summary>From the account: placed calls, sent messages, dialer and click-to-call calls.</summary>
    Outbound = 2,

    /// <summary>Between two parties of the same account.</summary>
    Internal = 3,
}
