namespace CdrSdk;

/// <summary>
/// A value type for a provider enumeration that may grow: known values are static members, and any other value
/// the provider sends is kept as is, so it round-trips instead of failing. Equality ignores case.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IOpenValue<TSelf>
    where TSelf : struct, IOpenValue<TSelf>
{
    /// <summary>The wire value.</summary>
    string Value { get; }

    /// <summary>Creates a value from its wire spelling.</summary>
    /// <param name="value">The wire value; not empty.</param>
    /// <returns>The value.</returns>
    static abstract TSelf FromString(string value);
}
