namespace CdrSdk.Telnyx;

/// <summary>How <see cref="ReportOperation{TReport}.WaitForCompletionAsync(System.Threading.CancellationToken)"/> polls a report.</summary>
/// <remarks>
/// The first poll waits <see cref="InitialInterval"/>; each later wait is multiplied by
/// <see cref="BackoffFactor"/> up to <see cref="MaxInterval"/>. Waits use the client's <see cref="TimeProvider"/>.
/// </remarks>
public sealed class ReportPollingOptions
{
    /// <summary>The wait before the first status check. 0 to 10 minutes; default 1 s.</summary>
    public TimeSpan InitialInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two checks. At least <see cref="InitialInterval"/>, at most 1 hour; default 30 s.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The growth of the wait after each check. 1 to 10; default 1.5.</summary>
    public double BackoffFactor { get; set; } = 1.5;

    /// <summary>
    /// Give up (with a <see cref="ReportOperationException"/> carrying the id to resume) when the report has not completed after this long;
    /// <see langword="null"/> waits until cancelled. Default 30 minutes.
    /// </summary>
    public TimeSpan? Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Creates a copy.</summary>
    /// <returns>A new instance with the same values.</returns>
    public ReportPollingOptions Clone() => (ReportPollingOptions)MemberwiseClone();

    internal void Validate(string prefix, List<CdrValidationError> errors)
    {
        OptionRules.InRange(errors, prefix + nameof(InitialInterval), InitialInterval, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        OptionRules.InRange(errors, prefix + nameof(MaxInterval), MaxInterval, InitialInterval, TimeSpan.FromHours(1));
        if (!(BackoffFactor >= 1 && BackoffFactor <= 10))
        {
            errors.Add(new(prefix + nameof(BackoffFactor), $"must be between 1 and 10, but was {BackoffFactor}."));
        }

        if (Timeout is { } timeout)
        {
            OptionRules.InRange(errors, prefix + nameof(Timeout), timeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(7));
        }
    }
}
