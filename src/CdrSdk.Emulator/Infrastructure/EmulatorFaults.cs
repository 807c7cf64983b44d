namespace CdrSdk.Emulator;

/// <summary>
/// Faults queued for injection. A rule without <see cref="FaultRule.Probability"/> hits the next
/// <see cref="FaultRule.Times"/> matching requests, in the order the rules were added. Rules with a probability
/// share one draw per request from a seeded random source, so a mix of them fails a fixed, reproducible share
/// of the requests (the sum of their probabilities).
/// </summary>
public sealed class EmulatorFaults
{
    private readonly List<FaultRule> _rules = [];
    private readonly int[] _injectedByKind = new int[Enum.GetValues<FaultKind>().Length];
    private readonly Random _random;
    private int _injected;

    /// <summary>Creates an empty fault queue.</summary>
    /// <param name="seed">The seed of the draws for probabilistic rules: the same seed and requests give the same faults.</param>
    public EmulatorFaults(int seed = 0)
    {
        _random = new Random(seed);
    }

    /// <summary>Queues a fault.</summary>
    /// <param name="rule">The fault.</param>
    /// <exception cref="ArgumentException">The rule's <see cref="FaultRule.Times"/>, <see cref="FaultRule.After"/> or <see cref="FaultRule.Probability"/> is out of range.</exception>
    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Times < 1)
        {
            throw new ArgumentException("FaultRule.Times must be at least 1.", nameof(rule));
        }
        if (rule.After < 0)
        {
            throw new ArgumentException("FaultRule.After must not be negative.", nameof(rule));
        }
        if (rule.Probability is { } p && !(p > 0 && p <= 1))
        {
            throw new ArgumentException("FaultRule.Probability must be above 0 and at most 1.", nameof(rule));
        }

        rule.Remaining = rule.Times;
        rule.ToLetThrough = rule.After;
        lock (_rules)
        {
            _rules.Add(rule);
        }
    }

    /// <summary>Removes every queued fault.</summary>
    public void Clear()
    {
        lock (_rules)
        {
            _rules.Clear();
        }
    }

    /// <summary>How many faults have hit requests so far.</summary>
    public int Injected => Volatile.Read(ref _injected);

    /// <summary>How many faults of one kind have hit requests so far.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The count.</returns>
    public int InjectedOf(FaultKind kind) => Volatile.Read(ref _injectedByKind[(int)kind]);

    /// <summary>The fault for a request, if one hits it, and which hit of its rule this is (1-based; 0 for none).</summary>
    internal FaultRule? Take(string origin, string method, string path, out int hit)
    {
        lock (_rules)
        {
            hit = 0;
            var rule = TakeCounted(origin, method, path) ?? TakeDrawn(origin, method, path);
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            hit = ++rule.Hits;
            _injected++;
            _injectedByKind[(int)rule.Kind]++;
            if (rule.Remaining == 0)
            {
                _rules.Remove(rule);
            }

            return rule;
        }
    }

    private FaultRule? TakeCounted(string origin, string method, string path)
    {
        foreach (var rule in _rules)
        {
            if (rule.Probability is null && rule.Remaining > 0 && rule.Matches(origin, method, path))
            {
                if (rule.ToLetThrough > 0)
                {
                    rule.ToLetThrough--;
                    continue;
                }

                return rule;
            }
        }

        return null;
    }

    private FaultRule? TakeDrawn(string origin, string method, string path)
    {
        double? draw = null;
        var cumulative = 0.0;
        foreach (var rule in _rules)
        {
            if (rule.Probability is not { } probability || rule.Remaining <= 0 || !rule.Matches(origin, method, path))
            {
                continue;
            }

            if (rule.ToLetThrough > 0)
            {
                rule.ToLetThrough--;
                continue;
            }

            draw ??= _random.NextDouble();
            cumulative += probability;
            if (draw < cumulative)
            {
                return rule;
            }
        }

        return null;
    }
}
