using Microsoft.Extensions.Options;

namespace CdrSdk;

/// <summary>Validates <see cref="CdrClientOptions"/> for the options system (no reflection; the SDK's own rules).</summary>
internal sealed class CdrClientOptionsValidator : IValidateOptions<CdrClientOptions>
{
    public ValidateOptionsResult Validate(string? name, CdrClientOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => "CdrClientOptions." + e));
    }
}
