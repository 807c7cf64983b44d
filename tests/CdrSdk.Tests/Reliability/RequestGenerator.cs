using System.Globalization;
using System.Reflection;
using CdrSdk.Telnyx;

namespace CdrSdk.Tests.Reliability;

/// <summary>Random requests for <see cref="RandomRequestTests"/>: mostly plausible values, with a share of every kind of wrong one.</summary>
internal sealed partial class RequestGenerator
{
    private readonly Random _random;

    /// <param name="random">The seeded source every value comes from.</param>
    public RequestGenerator(Random random)
    {
        _random = random;
    }

    private static readonly string[] Plausible = ["abc", "+13125550100", "1312555", "a&b=c+d", "ü名前", "%20", "null", "0", "1001"];

    private static readonly string[] Junk = ["", " ", "*555*", "line\nbreak", new string('x', 300)];

    private static readonly string[] TelnyxFields = ["id", "cli", "cld", "start_time", "end_time", "billing_group", "not_a_field", ""];

    private static readonly string[] TimeZones = ["UTC", "America/New_York", "Europe/Dublin", "Asia/Tokyo"];

    private static readonly string[] BadTimeZones = ["Mars/Phobos", "", "+02:00"];

    private static readonly string[] KazooKeys = ["call_direction", "hangup_cause", "custom_channel_vars.account_id", "caller_id_number", "", "a b", "bad&key"];

    public bool Chance(double p) => _random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    /// <summary>A wrong choice, now and then: each field goes wrong rarely, so a request as a whole is often valid and often not.</summary>
    public bool Wild() => Chance(0.04);

    public string Text() => Wild() ? Pick(Junk) : Pick(Plausible);

    public string Phone() => !Wild() ? "+1" + _random.NextInt64(2_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture) : Text();

    public string Connection() => Wild() ? Text() : _random.Next(1000, 99_999).ToString(CultureInfo.InvariantCulture);

    public string Id() => !Wild() ? Hex32() : Text();

    /// <summary>32 hex digits from the seeded source (a Guid would make the run irreproducible).</summary>
    public string Hex32()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    public DateTimeOffset Instant() => _random.Next(10) switch
    {
        0 => RandomRequestTests.Now.AddDays(_random.Next(1, 400)),
        1 => new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero),
        2 => DateTimeOffset.MinValue,
        _ => RandomRequestTests.Now.AddMinutes(-_random.Next(1, 60 * 24 * 60)),
    };

    public int Number(int typicalMax) => _random.Next(8) switch
    {
        0 => -_random.Next(1, 100),
        1 => 0,
        2 => typicalMax + _random.Next(1, 10_000),
        _ => _random.Next(1, typicalMax + 1),
    };

    /// <summary>Null half of the time, else one to three values (rarely empty, rarely with a repeat).</summary>
    public List<T>? List<T>(Func<T> item)
    {
        if (Chance(0.5))
        {
            return null;
        }

        if (Wild())
        {
            return [];
        }

        var values = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => item()).ToList();
        return Wild() ? values : values.Distinct().ToList();
    }

    public TEnum Enum<TEnum>()
        where TEnum : struct, System.Enum =>
        Wild() ? (TEnum)(object)_random.Next(-1, 50) : Pick(System.Enum.GetValues<TEnum>());

    public static List<T> Known<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(T)).Select(p => (T)p.GetValue(null)!).ToList();

    public CdrReportRequest CdrReportRequest(TelnyxApiVersion version)
    {
        var (start, end) = Range();
        return new CdrReportRequest
        {
            StartTime = start,
            EndTime = end,
            CallTypes = List(Enum<TelnyxCallType>),
            RecordTypes = List(Enum<TelnyxRecordType>),
            Connections = List(Connection),
            ReportName = Chance(0.5) ? null : Text(),
            Source = Chance(0.6) ? null : (CdrReportSource?)Pick(Known<CdrReportSource>()),
            Filters = Filters(version),
            Timezone = Chance(0.6) ? null : Wild() ? Pick(BadTimeZones) : Pick(TimeZones),
            Fields = List(() => Pick(TelnyxFields)),
            IncludeAllMetadata = Chance(0.5) ? null : Chance(0.5),
            ManagedAccounts = List(Id),
            SelectAllManagedAccounts = Chance(0.7) ? null : Chance(0.5),
        };
    }

    public MdrReportRequest MdrReportRequest(TelnyxApiVersion version)
    {
        var (start, end) = Range();
        return new MdrReportRequest
        {
            StartTime = start,
            EndTime = end,
            CallTypes = List(Enum<TelnyxCallType>),
            RecordTypes = List(Enum<TelnyxRecordType>),
            Connections = List(Connection),
            Profiles = List(Id),
            Directions = List(Enum<MessageDirection>),
            ReportName = Chance(0.5) ? null : Text(),
            Filters = Filters(version),
            Timezone = Chance(0.6) ? null : Wild() ? Pick(BadTimeZones) : Pick(TimeZones),
            IncludeMessageBody = Chance(0.5) ? null : Chance(0.5),
            ManagedAccounts = List(Id),
            SelectAllManagedAccounts = Chance(0.7) ? null : Chance(0.5),
        };
    }

    /// <summary>Filter lists: built with the fluent builder (valid by construction unless an argument is bad), or raw records in any order.</summary>
    private IReadOnlyList<ReportFilter>? Filters(TelnyxApiVersion version) => _random.Next(4) switch
    {
        0 => null,
        1 => BuildChain(FilterSteps()),
        _ => List(() => new ReportFilter
        {
            FilterType = Enum<ReportFilterType>(),
            Cli = Chance(0.5) ? Phone() : null,
            CliFilter = Chance(0.5) ? Enum<NumberMatch>() : null,
            Cld = Chance(0.3) ? Phone() : null,
            CldFilter = Chance(0.3) ? Enum<NumberMatch>() : null,
            TagsList = Chance(0.3) ? List(Text) : null,
            BillingGroup = Chance(version == TelnyxApiVersion.V2 ? 0.3 : 0.1) ? Id() : null,
        }),
    };

    public List<FilterStep> FilterSteps() =>
        Enumerable.Range(0, _random.Next(1, 5)).Select(i => new FilterStep(i == 0 ? "where" : Chance(0.6) ? "and" : "or", Criterion())).ToList();

    public static IReadOnlyList<ReportFilter> BuildChain(List<FilterStep> steps)
    {
        var and = ReportFilters.Where(steps[0].Make());
        OrFilterChain? or = null;
        foreach (var step in steps.Skip(1))
        {
            if (or is null && step.Kind == "and")
            {
                and = and.And(step.Make());
            }
            else
            {
                or = or is null ? and.Or(step.Make()) : or.Or(step.Make());
            }
        }

        return or is null ? and.Build() : or.Build();
    }

    private (string Describe, Func<FilterCriterion> Make) Criterion()
    {
        var value = Chance(0.85) ? Phone() : Text();
        var tags = Chance(0.85) ? Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Pick(new[] { "vip", "support", "sales" })).ToArray() : Chance(0.5) ? [] : [Text()];
        var match = Enum<NumberMatch>();
        return _random.Next(5) switch
        {
            0 => ($"Cli.Matches({value}, {match})", () => Cli.Matches(value, match)),
            1 => ($"Cld.StartsWith({value})", () => Cld.StartsWith(value)),
            2 => ($"Cli.EndsWith({value})", () => Cli.EndsWith(value)),
            3 => ($"Tags.Any({string.Join(",", tags)})", () => Tags.Any(tags)),
            _ => ($"BillingGroup.Is({value})", () => BillingGroup.Is(value)),
        };
    }
}

/// <summary>One step of a generated filter chain: <c>where</c>, <c>and</c> or <c>or</c> and its criterion.</summary>
internal sealed record FilterStep(string Kind, (string Describe, Func<FilterCriterion> Make) Criterion)
{
    public string Describe => $"{Kind} {Criterion.Describe}";

    public FilterCriterion Make() => Criterion.Make();
}
