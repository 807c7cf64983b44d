namespace CdrSdk;

/// <summary>
/// Turns each provider client into an <see cref="ICdrSource"/> of <see cref="CallRecord"/>s. The optional
/// <c>configure</c> callback receives the provider's own query with the range already set and returns it with
/// the provider's filters (<c>q =&gt; q with { ... }</c>); the range it returns is replaced by the one given to
/// <see cref="ICdrSource.ListAsync"/>. Each provider's members are declared in that provider's folder.
/// </summary>
public static partial class CdrSourceExtensions;
