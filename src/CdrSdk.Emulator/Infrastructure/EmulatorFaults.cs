namespace CdrSdk.Emulator;

/// <summary>Faults queued for injection; each rule hits the next <see cref="FaultRule.Times"/> matching requests.</summary>
public sealed class EmulatorFaults
{
    private readonly List<FaultRule> _rules = [];

    /// <summary>Queues a fault.</summary>
    /// <param name="rule">The fault.</param>
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

    private int _injected;

    internal FaultRule? Take(string origin, string method, string path)
    {
        lock (_rules)
        {
            foreach (var rule in _rules)
            {
                if (rule.Remaining > 0 && rule.Matches(origin, method, path))
                {
                    if (rule.ToLetThrough > 0)
                    {
                        rule.ToLetThrough--;
                        continue;
                    }

                    rule.Remaining--;
                    _injected++;
                    if (rule.Remaining == 0)
                    {
                        _rules.Remove(rule);
                    }

                    return rule;
                }
            }

            return null;
        }
    }
}
