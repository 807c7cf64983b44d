namespace CdrSdk.Core.Http;

/// <summary>A handler that does nothing, where an optional handler (the rate limit) is off in a factory-built chain.</summary>
internal sealed class PassThroughHandler : DelegatingHandler;
