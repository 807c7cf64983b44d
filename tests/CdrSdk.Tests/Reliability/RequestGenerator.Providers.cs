using System.Globalization;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Tests.Reliability;

/// <summary>The generator's Voiso, TSG and Kazoo queries and client options.</summary>
internal sealed partial class RequestGenerator
{
    public VoisoCdrQuery VoisoQuery()
    {
        var fromLike = Chance(0.15) ? Like() : null;
        var toLike = Chance(0.15) ? Like() : null;
        return new VoisoCdrQuery
        {
            Type = List(() => Pick(Known<VoisoCdrType>())),
            Subtype = List(() => Pick(Known<VoisoSubtype>())),
            Disposition = List(() => Pick(Known<VoisoDisposition>())),
            ExternalAccountId = List(Text),
            WrapUpCode = List(Text),
            EndReason = List(() => Pick(Known<VoisoEndReason>())),
            EventTag = List(() => Pick(Known<VoisoEventTag>())),
            FromPhoneNumber = Chance(0.2) ? List(Phone) : null,
            ToPhoneNumber = Chance(0.2) ? List(Phone) : null,
            FromPhoneNumberLike = fromLike,
            ToPhoneNumberLike = toLike,
            SourceChannelAccountId = Chance(0.2) ? List(Id) : null,
            DestinationChannelAccountId = Chance(0.2) ? List(Id) : null,
            SourceChannelProfileId = Chance(0.2) ? List(Id) : null,
            DestinationChannelProfileId = Chance(0.2) ? List(Id) : null,
            UserId = Chance(0.3) ? List(Id) : null,
            TeamId = Chance(0.2) ? List(Id) : null,
            QueueId = Chance(0.2) ? List(Id) : null,
            CampaignId = Chance(0.2) ? List(Id) : null,
            DestinationCountry = Chance(0.2) ? List(() => Pick(new[] { "US", "GB", "IE", "", "usa" })) : null,
            ConversationScore = Chance(0.2) ? NumberFilter(100) : null,
            Duration = Chance(0.2) ? NumberFilter(3600) : null,
            DialingDuration = Chance(0.1) ? NumberFilter(60) : null,
            IvrDuration = Chance(0.1) ? NumberFilter(60) : null,
            QueueDuration = Chance(0.1) ? NumberFilter(600) : null,
            TalkDuration = Chance(0.1) ? NumberFilter(3600) : null,
            HoldDuration = Chance(0.1) ? NumberFilter(600) : null,
            StartedAt = Chance(0.7) ? TimeFilter() : null,
            EndedAt = Chance(0.2) ? TimeFilter() : null,
            Limit = Chance(0.5) ? null : Number(1000),
            Offset = Chance(0.7) ? null : Number(10_000),
        };
    }

    private string Like() => Chance(0.8) ? "*" + _random.Next(100, 999).ToString(CultureInfo.InvariantCulture) + "*" : Text();

    private VoisoNumberFilter NumberFilter(int max) => _random.Next(5) switch
    {
        0 => VoisoNumberFilter.Equal(Number(max)),
        1 => VoisoNumberFilter.AtLeast(Number(max)),
        2 => VoisoNumberFilter.AtMost(Number(max)),
        3 => new VoisoNumberFilter { Exactly = Number(max), Min = Number(max) },
        _ => VoisoNumberFilter.Between(Number(max), Number(max)),
    };

    private VoisoTimeFilter TimeFilter()
    {
        var (from, to) = Range();
        return _random.Next(4) switch
        {
            0 => VoisoTimeFilter.Since(from),
            1 => VoisoTimeFilter.Before(to ?? Instant()),
            _ => VoisoTimeFilter.Between(from, to ?? Instant()),
        };
    }

    public TsgCdrQuery TsgQuery()
    {
        var (start, end) = Range();
        return new TsgCdrQuery
        {
            Type = Pick(Known<TsgCdrType>()),
            Start = start,
            End = end ?? Instant(),
            CompanyId = Chance(0.7) ? null : Chance(0.5) ? Pick(new[] { "101", "102" }) : Text(),
            Limit = Chance(0.4) ? null : Number(1000),
            Fields = Chance(0.7) ? null : new TsgFieldSelection
            {
                Message = (TsgMessageCdrFields)_random.Next(-1, 512),
                Voice = (TsgVoiceCdrFields)_random.Next(-1, 4096),
                Api = (TsgApiCdrFields)_random.Next(-1, 512),
            },
        };
    }

    public string KazooAccount() => _random.Next(10) switch
    {
        0 => Text(),
        1 => Hex32().ToUpperInvariant(),
        _ => Pick(KazooDataSet.AccountIds),
    };

    public KazooCdrQuery KazooQuery()
    {
        var (from, to) = Range();
        return new KazooCdrQuery
        {
            From = Chance(0.2) ? null : from,
            To = Chance(0.2) ? null : to,
            UserId = Chance(0.8) ? null : Chance(0.5) ? Hex32() : Text(),
            Ascending = Chance(0.5),
            PageSize = Chance(0.5) ? null : Number(500),
            Paginate = Chance(0.9),
            Filters = Chance(0.8) ? null : Dictionary(),
            ExcludeFilters = Chance(0.9) ? null : Dictionary(),
            HasKeys = Chance(0.9) ? null : List(() => Pick(KazooKeys)),
            MissingKeys = Chance(0.9) ? null : List(() => Pick(KazooKeys)),
            UtcOffset = Chance(0.8) ? null : TimeSpan.FromMinutes(_random.Next(-20 * 60, 20 * 60)),
        };
    }

    private Dictionary<string, string> Dictionary() =>
        Enumerable.Range(0, _random.Next(0, 3)).Select(_ => (Key: Pick(KazooKeys), Value: Text())).DistinctBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Client options: a Voiso connection to the emulator, and random resilience and paging settings.</summary>
    public CdrClientOptions ClientOptions(CdrEmulator emulator)
    {
        // Plain http off loopback is only generated where it must be refused (nothing resolves names here).
        var insecureHost = Wild();
        var options = new CdrClientOptions
        {
            Voiso = { BaseAddress = insecureHost ? new Uri("http://voiso.example.com/") : emulator.VoisoBaseAddress, ApiKey = Wild() ? null : emulator.Options.VoisoApiKey },
            Resilience = Resilience(),
            Paging = { PrefetchPages = Setting(0, 8), MaxConcurrency = Setting(1, 16), MaxEmptyPages = Setting(1, 100_000) },
            AllowInsecureHttp = !insecureHost && Chance(0.5),
        };
        if (Chance(0.3))
        {
            options.Voiso.Resilience = Resilience();
        }

        return options;
    }

    private CdrResilienceOptions Resilience() => new()
    {
        MaxRetries = Setting(0, 10),
        BaseDelay = Span(TimeSpan.FromSeconds(1)),
        MaxDelay = Span(TimeSpan.FromSeconds(30)),
        MaxRetryAfter = Span(TimeSpan.FromSeconds(60)),
        AttemptTimeout = Span(TimeSpan.FromSeconds(30)),
        TotalTimeout = Span(TimeSpan.FromMinutes(3)),
        EnableCircuitBreaker = Chance(0.8),
        CircuitBreakerFailureRatio = Wild() ? _random.NextDouble() * 3 - 1 : 0.05 + (_random.NextDouble() * 0.95),
        CircuitBreakerMinimumThroughput = Setting(2, 100),
        CircuitBreakerSamplingDuration = Span(TimeSpan.FromSeconds(30)),
        CircuitBreakerBreakDuration = Span(TimeSpan.FromSeconds(5)),
        MaxRequestsPerSecond = Chance(0.7) ? null : Wild() ? -_random.NextDouble() : Pick(new[] { 0.0001, 0.5, 10.0, 10_000.0, 20_000.0 }),
        RateLimitBurst = Setting(1, 10_000),
    };

    /// <summary>A duration near <paramref name="typical"/>, now and then zero, negative, tiny or huge.</summary>
    private TimeSpan Span(TimeSpan typical) => !Wild() ? typical * (0.1 + (_random.NextDouble() * 2)) : _random.Next(4) switch
    {
        0 => TimeSpan.Zero,
        1 => -typical,
        2 => TimeSpan.FromTicks(_random.Next(1, 20_000)),
        _ => TimeSpan.FromDays(_random.Next(1, 1000)),
    };

    /// <summary>A whole-number setting in [<paramref name="min"/>, <paramref name="max"/>], now and then just outside.</summary>
    private int Setting(int min, int max) =>
        !Wild() ? _random.Next(min, max + 1) : Chance(0.5) ? min - _random.Next(1, 100) : max + _random.Next(1, 1000);

    /// <summary>A time range: usually sensible (start before end, in the past), sometimes backwards, huge or in the future.</summary>
    private (DateTimeOffset Start, DateTimeOffset? End) Range()
    {
        if (!Wild() && !Wild())
        {
            var end = RandomRequestTests.Now.AddHours(-_random.Next(1, 24 * 30));
            return (end.AddMinutes(-_random.Next(1, 60 * 24 * 3)), Chance(0.1) ? null : end);
        }

        return (Instant(), Chance(0.2) ? null : Instant());
    }
}
