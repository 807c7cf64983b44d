using System.Text.RegularExpressions;

namespace CdrSdk.Sync.Engine;

/// <summary>Checks sources and options before a run touches the store or a provider.</summary>
internal static partial class SourceValidator
{
    public static void Validate(IReadOnlyList<CdrSyncSource> sources, CdrSyncOptions options, bool requireSources = true)
    {
        var errors = new List<string>();
        if (requireSources && sources.Count == 0)
        {
            errors.Add("there are no sources to sync: give --provider, or sources in the configuration (CdrSync:Sources).");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (source is null)
            {
                errors.Add("a source is null.");
                continue;
            }

            var name = source.Name;
            if (!NamePattern().IsMatch(name ?? string.Empty))
            {
                errors.Add($"source name '{name}' must be 1 to 100 letters, digits, '.', '_' or '-'.");
            }
            else if (!names.Add(name!))
            {
                errors.Add($"source name '{name}' is used twice: each source needs its own name (it keys its records and state).");
            }

            Check(errors, name, "Lookback", source.Lookback, TimeSpan.Zero, TimeSpan.FromDays(31));
            Check(errors, name, "Settle", source.Settle, TimeSpan.Zero, TimeSpan.FromDays(1));
            if (source.WindowSize is { } size && (size < TimeSpan.FromMinutes(1) || size > TimeSpan.FromDays(1) || TimeSpan.FromDays(1).Ticks % size.Ticks != 0))
            {
                errors.Add($"source '{name}': WindowSize must divide 24 hours, from 1 minute to 24 hours (for example 1.00:00:00, 06:00:00, 00:15:00), but was {size}.");
            }

            if (source.PageSize is { } pageSize && pageSize is < 1 or > 1000)
            {
                errors.Add($"source '{name}': PageSize must be from 1 to 1000, but was {pageSize}.");
            }

            if (source.Start is { } start && source.End is { } end && start >= end)
            {
                errors.Add($"source '{name}': Start ({start.UtcDateTime:O}) must be before End ({end.UtcDateTime:O}).");
            }
        }

        CheckRange(errors, "MaxConcurrency", options.MaxConcurrency, 1, 64);
        CheckRange(errors, "MaxConcurrencyPerProvider", options.MaxConcurrencyPerProvider, 1, 64);
        if (options.BatchSize is { } batchSize)
        {
            CheckRange(errors, "BatchSize", batchSize, 1, 10_000_000);
        }
        Check(errors, null, "LeaseDuration", options.LeaseDuration, TimeSpan.FromSeconds(2), TimeSpan.FromHours(1));
        if (errors.Count > 0)
        {
            throw new CdrSyncException("The sync cannot start: " + string.Join(" ", errors)) { BeforeAnyWrite = true };
        }
    }

    private static void Check(List<string> errors, string? source, string property, TimeSpan? value, TimeSpan min, TimeSpan max)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add($"{(source is null ? string.Empty : $"source '{source}': ")}{property} must be from {min} to {max}, but was {v}.");
        }
    }

    private static void CheckRange(List<string> errors, string property, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{property} must be from {min:N0} to {max:N0}, but was {value:N0}.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NamePattern();
}
