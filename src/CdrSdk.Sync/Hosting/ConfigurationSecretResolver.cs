using Microsoft.Extensions.Configuration;

namespace CdrSdk.Sync.Hosting;

/// <summary>The hosted service's default for <c>secret:NAME</c>: the application's configuration value <c>NAME</c> (user secrets, a key vault provider, ...).</summary>
internal sealed class ConfigurationSecretResolver : ICdrSecretResolver
{
    private readonly IConfiguration _configuration;

    public ConfigurationSecretResolver(IConfiguration configuration)
    {
        _configuration = configuration;
    }

    public ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken = default) => ValueTask.FromResult(_configuration[name]);
}
