using System.Globalization;

namespace CdrSdk.Emulator;

/// <summary>
/// Live mode (<see cref="CdrEmulatorOptions.Live"/>): the records arrive with the emulator's clock
/// (<see cref="CdrEmulatorOptions.TimeProvider"/>) instead of all existing at once. A record is served only once it
/// exists: a call once it ended, a message once it reached its final state, a late record only
/// <see cref="LateBy"/> after that; and a changed record is served with revised values from
/// <see cref="ChangedAfter"/> after it first appeared on, under the same id. Which records are late or changed
/// follows from the seed, so a test computes exactly what the emulator serves at any instant
/// (<see cref="EmulatorDataSet.CallsVisibleAt(DateTimeOffset, DateTimeOffset, DateTimeOffset)"/>).
/// </summary>
public sealed class EmulatorLiveOptions
{
    /// <summary>The longest <see cref="LateBy"/> and <see cref="ChangedAfter"/>: 30 days.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(30);

    /// <summary>The shortest <see cref="ChangedAfter"/>: 1 minute (a revision moves an end by at most 50 s, never past the instant it is made).</summary>
    public static readonly TimeSpan MinChangedAfter = TimeSpan.FromMinutes(1);

    /// <summary>The share of records that arrive late, 0 to 1. Default 0.05.</summary>
    public double LateFraction { get; set; } = 0.05;

    /// <summary>How long after its end a late record first appears: more than zero, at most 30 days. Default 2 hours.</summary>
    public TimeSpan LateBy { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The share of records that change after they first appeared, 0 to 1 (independent of <see cref="LateFraction"/>). Default 0.05.</summary>
    public double ChangedFraction { get; set; } = 0.05;

    /// <summary>How long after it first appeared a changed record takes its revised values: 1 minute to 30 days. Default 30 minutes.</summary>
    public TimeSpan ChangedAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A copy, so a running data set never sees later edits of the options it was built from.</summary>
    internal EmulatorLiveOptions Snapshot() => new()
    {
        LateFraction = LateFraction,
        LateBy = LateBy,
        ChangedFraction = ChangedFraction,
        ChangedAfter = ChangedAfter,
    };

    /// <summary>Checks every setting.</summary>
    /// <param name="paramName">The argument these options came in.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range; the message names it and the range.</exception>
    internal void Validate(string paramName)
    {
        Fraction(LateFraction, nameof(LateFraction), paramName);
        Fraction(ChangedFraction, nameof(ChangedFraction), paramName);
        if (LateBy <= TimeSpan.Zero || LateBy > MaxDelay)
        {
            throw new ArgumentOutOfRangeException(paramName, LateBy, Invariant($"Live.{nameof(LateBy)} must be more than zero and at most {MaxDelay.TotalDays} days, but was {LateBy}."));
        }

        if (ChangedAfter < MinChangedAfter || ChangedAfter > MaxDelay)
        {
            throw new ArgumentOutOfRangeException(paramName, ChangedAfter, Invariant($"Live.{nameof(ChangedAfter)} must be between {MinChangedAfter} and {MaxDelay.TotalDays} days, but was {ChangedAfter}."));
        }
    }

    private static void Fraction(double value, string name, string paramName)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(paramName, value, Invariant($"Live.{name} must be between 0 and 1, but was {value}."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
