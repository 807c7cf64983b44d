namespace CdrSdk;

/// <summary>
/// The SDK's entry point: one client per application, giving access to each configured provider (one property per
/// provider, declared in the provider's folder). Thread-safe; share one instance (it pools connections).
/// </summary>
public partial interface ICdrClient
{
}
