using CdrSdk.Sync.Stores;
using Microsoft.Extensions.Options;

namespace CdrSdk.Sync.Hosting;

/// <summary>Checks the hosted service's options when the host starts: the store, the interval, the limits, each source's provider and name.</summary>
internal sealed class CdrSyncOptionsValidator : IValidateOptions<CdrSyncOptions>
{
    public ValidateOptionsResult Validate(string? name, CdrSyncOptions options)
    {
        var errors = new List<string>();
        try
        {
            StoreLocation.Parse(options.Store);
        }
        catch (CdrSyncException ex)
        {
            errors.Add("Store: " + ex.Message);
        }

        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Interval must be at least 1 second, but was {options.Interval}.");
        }

        try
        {
            // The limits are checked as the engine checks them; sources come from the configuration and the container.
            Engine.SourceValidator.Validate([], options, requireSources: false);
        }
        catch (CdrSyncException ex)
        {
            errors.Add(ex.Message);
        }

        for (var i = 0; i < options.Sources.Count; i++)
        {
            try
            {
                SourceFactory.ParseProvider(options.Sources[i].Provider, $"Sources:{i}");
            }
            catch (CdrSyncException ex)
            {
                errors.Add(ex.Message);
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
