using System.Text.RegularExpressions;

namespace CdrSdk.Voiso;

/// <summary>Connection settings for the Voiso contact-center API v4.</summary>
public sealed partial class VoisoOptions : IProviderOptions
{
    /// <summary>The cluster id of the Voiso account: the API lives at <c>https://{ClusterId}.voiso.com</c>.</summary>
    public string? ClusterId { get; set; }

    /// <summary>The API address; overrides <see cref="ClusterId"/> (for proxies and tests).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>A scoped API key with <c>reporting.cdrs.read</c>, sent as <c>Authorization: Bearer</c>. Setting it enables the client. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How list filters with several values are written. Default <see cref="VoisoArrayStyle.Brackets"/> (<c>key[]=</c>).</summary>
    public VoisoArrayStyle ArrayStyle { get; set; }

    /// <summary>
    /// With a cursor, also send <c>offset=-1</c>: a valid cursor wins and the offset is ignored, but an invalid or
    /// expired cursor can then no longer silently fall back to offset 0 (which would repeat records): the API
    /// answers 400 and the SDK raises <see cref="VoisoInvalidCursorException"/>. Default <see langword="true"/>.
    /// </summary>
    public bool GuardCursorWithInvalidOffset { get; set; } = true;

    /// <summary>Resilience settings for Voiso only; <see langword="null"/> uses <see cref="CdrClientOptions.Resilience"/>.</summary>
    public CdrResilienceOptions? Resilience { get; set; }

    /// <summary><see langword="true"/> when an API key and an address (or cluster id) are set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey) && EffectiveBaseAddress is not null;

    /// <summary>The address used: <see cref="BaseAddress"/>, or <c>https://{ClusterId}.voiso.com</c>.</summary>
    public Uri? EffectiveBaseAddress =>
        BaseAddress ?? (ClusterId is { Length: > 0 } cluster && ClusterPattern().IsMatch(cluster) ? new Uri($"https://{cluster}.voiso.com") : null);

    /// <summary>Describes the settings with the key redacted.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() =>
        $"Voiso {{ BaseAddress = {EffectiveBaseAddress?.ToString() ?? "(none)"}, ApiKey = {Redaction.Mask(ApiKey)}, ArrayStyle = {ArrayStyle} }}";

    void IProviderOptions.Validate(string prefix, List<CdrValidationError> errors) => Validate(prefix, errors);

    internal void Validate(string prefix, List<CdrValidationError> errors)
    {
        var touched = !string.IsNullOrWhiteSpace(ApiKey) || BaseAddress is not null || !string.IsNullOrEmpty(ClusterId) || Resilience is not null;
        if (!touched)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            errors.Add(new(prefix + nameof(ApiKey), "is required when any other Voiso setting is set: a scoped API key with reporting.cdrs.read."));
        }

        if (BaseAddress is null)
        {
            if (string.IsNullOrEmpty(ClusterId))
            {
                errors.Add(new(prefix + nameof(ClusterId), "is required (or BaseAddress): the cluster id of https://{cluster}.voiso.com."));
            }
            else if (!ClusterPattern().IsMatch(ClusterId))
            {
                errors.Add(new(prefix + nameof(ClusterId), $"must be lower-case letters, digits and hyphens (the host label of https://{{cluster}}.voiso.com), but was '{ClusterId}'."));
            }
        }

        OptionRules.AbsoluteHttpUri(errors, prefix + nameof(BaseAddress), BaseAddress, required: false);
        if (!Enum.IsDefined(ArrayStyle))
        {
            errors.Add(new(prefix + nameof(ArrayStyle), "must be Brackets or Repeated."));
        }

        Resilience?.Validate(prefix + nameof(Resilience) + ".", errors);
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ClusterPattern();
}
