using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json;
using CdrSdk.Emulator;
using CdrSdk.Emulator.Kazoo;
using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Tests.Reliability;

/// <summary>
/// Thousands of random requests (seeded, so every failure reproduces) for every query model and the Telnyx filter
/// builder, valid and invalid mixed: each one is either answered by the emulator without a 400/422, or rejected
/// before anything is sent with a <see cref="CdrValidationException"/> or <see cref="ArgumentException"/> naming
/// the field. No other exception type is acceptable. Open enums are drawn from their known values: unknown values
/// are passed through on purpose (forward compatibility), so the provider is the judge of those.
/// </summary>
public sealed class RandomRequestTests : IAsyncLifetime
{
    private const int Seed = 8_2026;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync(o =>
    {
        // Sparse data: the answers are checked for their status, not their records, and open ranges span 30 days.
        o.ReportCompletionDelay = TimeSpan.FromHours(1);
        o.CallsPerHour = 4;
        o.MessagesPerHour = 6;
    });

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Requests per model: <c>CDRSDK_FUZZ_REQUESTS</c>, or 1000.</summary>
    private static int Count =>
        int.TryParse(Environment.GetEnvironmentVariable("CDRSDK_FUZZ_REQUESTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1000;

    [Fact]
    public Task Random_telnyx_cdr_report_requests_are_answered_or_rejected_before_sending() =>
        CheckTelnyxAsync("telnyx-cdr", (g, version, telnyx) =>
        {
            var request = g.CdrReportRequest(version);
            return (request, () => telnyx.CdrReports.CreateAsync(request, Ct));
        });

    [Fact]
    public Task Random_telnyx_mdr_report_requests_are_answered_or_rejected_before_sending() =>
        CheckTelnyxAsync("telnyx-mdr", (g, version, telnyx) =>
        {
            var request = g.MdrReportRequest(version);
            return (request, () => telnyx.MdrReports.CreateAsync(request, Ct));
        });

    [Fact]
    public async Task Random_filter_chains_are_built_or_rejected_naming_the_argument()
    {
        await CheckAsync("telnyx-filters", (g, _) =>
        {
            var steps = g.FilterSteps();
            return (steps.Select(s => s.Describe).ToList(), () =>
            {
                var filters = RequestGenerator.BuildChain(steps);
                ReportFilters.ThrowIfInvalid(filters, TelnyxApiVersion.V2);
                return Task.FromResult<object?>(filters);
            });
        });
    }

    [Fact]
    public async Task Random_voiso_queries_are_answered_or_rejected_before_sending()
    {
        await using var client = TestClients.Voiso(_emulator, prefetchPages: 0);
        await CheckAsync("voiso", (g, _) =>
        {
            var query = g.VoisoQuery();
            return (query, async () => await client.Voiso.Cdrs.ListAsync(query, Ct).AsPages().FirstAsync(Ct));
        });
    }

    [Fact]
    public async Task Random_tsg_queries_are_answered_or_rejected_before_sending()
    {
        await using var client = TestClients.Tsg(_emulator);
        await CheckAsync("tsg", (g, _) =>
        {
            var query = g.TsgQuery();
            return (query, async () => await client.Tsg.Cdrs.ListAsync(query, Ct).AsPages().FirstAsync(Ct));
        });
    }

    [Fact]
    public async Task Random_kazoo_queries_are_answered_or_rejected_before_sending()
    {
        await using var client = TestClients.Kazoo(_emulator);
        await CheckAsync("kazoo", (g, i) =>
        {
            var account = g.KazooAccount();
            var query = g.KazooQuery();
            Func<string, KazooCdrQuery, CancellationToken, CdrSdk.Paging.AsyncPageable<KazooCdrSummary>> list = i % 3 == 0 ? client.Kazoo.Interactions.ListAsync : client.Kazoo.Cdrs.ListAsync;
            return (new { account, query }, async () => await list(account, query, Ct).AsPages().FirstAsync(Ct));
        });
    }

    [Fact]
    public async Task Random_client_options_make_a_working_client_or_are_rejected_naming_the_option()
    {
        await CheckAsync("options", countRequests: false, next: (g, _) =>
        {
            var options = g.ClientOptions(_emulator);
            return (options.ToString(), async () =>
            {
                await using var client = new CdrClient(options);
                try
                {
                    await client.Voiso.Cdrs.ListAsync(new VoisoCdrQuery { StartedAt = VoisoTimeFilter.Between(Now.AddDays(-2), Now.AddDays(-1)), Limit = 5 }, Ct).AsPages().FirstAsync(Ct);
                }
                catch (CdrTransportException ex) when (ex.Failure == CdrTransportFailure.Timeout)
                {
                    // A valid but tiny attempt or total timeout: the client works, the server was just slower.
                }
            });
        });
    }

    /// <summary>Telnyx requests, to API v1 and v2 alternately (their rules differ).</summary>
    private async Task CheckTelnyxAsync(string model, Func<RequestGenerator, TelnyxApiVersion, ITelnyxClient, (object Shown, Func<Task> Send)> next)
    {
        await using var v1 = TestClients.Telnyx(_emulator, TelnyxApiVersion.V1);
        await using var v2 = TestClients.Telnyx(_emulator, TelnyxApiVersion.V2);
        await CheckAsync(model, (g, i) => i % 2 == 0 ? next(g, TelnyxApiVersion.V1, v1.Telnyx) : next(g, TelnyxApiVersion.V2, v2.Telnyx));
    }

    /// <summary>Runs <see cref="Count"/> generated calls and collects every one that broke the contract.</summary>
    /// <param name="model">The model's name, for messages (and the seed).</param>
    /// <param name="next">Generates request <c>i</c> and how to send it.</param>
    /// <param name="countRequests">
    /// Whether a rejection must come before any request reached the emulator. Off where the rejection is a
    /// constructor's (nothing can have been sent) and an earlier call's timed-out request may still arrive late.
    /// </param>
    private async Task CheckAsync(string model, Func<RequestGenerator, int, (object Shown, Func<Task> Send)> next, bool countRequests = true)
    {
        var generator = new RequestGenerator(new Random(Seed + model.Length));
        var problems = new List<string>();
        var (accepted, rejected) = (0, 0);
        var rejectedFields = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Count && problems.Count < 10; i++)
        {
            var sentBefore = _emulator.Requests.Snapshot().Count;
            object? shown = null;
            try
            {
                var (request, send) = next(generator, i);
                shown = request;
                await send();
                accepted++;
            }
            catch (Exception ex) when (Problem(ex, countRequests ? _emulator.Requests.Snapshot().Count - sentBefore : 0) is { } problem)
            {
                problems.Add($"#{i} {problem}{Environment.NewLine}    request: {Show(shown)}");
            }
            catch (CdrApiException)
            {
                // Answered, with a status that is not about the request's shape (an account that does not exist).
                accepted++;
            }
            catch (Exception ex)
            {
                rejected++;
                var field = ex is CdrValidationException v ? (v.Errors.Count > 0 ? v.Errors[0].PropertyName : v.PropertyName!) : ((ArgumentException)ex).ParamName!;
                rejectedFields[field] = rejectedFields.GetValueOrDefault(field) + 1;
            }
        }

        Assert.True(problems.Count == 0, $"{model} (seed {Seed + model.Length}):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{model}: {accepted} answered, {rejected} rejected before sending");
        var mostRejected = string.Join(", ", rejectedFields.OrderByDescending(f => f.Value).Take(8).Select(f => $"{f.Key} {f.Value}"));
        Assert.True(accepted >= Count / 10, $"{model}: only {accepted} of {Count} requests were valid; the generator is too wild to test the answers (rejected: {mostRejected})");
        Assert.True(rejected >= Count / 10, $"{model}: only {rejected} of {Count} requests were invalid; the generator is too tame to test the checks");
    }

    /// <summary>Why an exception breaks the contract, or <see langword="null"/> when it is a proper pre-send rejection.</summary>
    private static string? Problem(Exception exception, int requestsSent) => exception switch
    {
        CdrValidationException v when requestsSent > 0 => $"rejected after {requestsSent} request(s) were sent: {v.Message}",
        CdrValidationException v when v.Errors.Count == 0 && string.IsNullOrEmpty(v.PropertyName) => $"a validation error names no field: {v.Message}",
        CdrValidationException v when v.Errors.Any(e => string.IsNullOrWhiteSpace(e.PropertyName)) => $"a validation error names no field: {v.Message}",
        CdrValidationException => null,
        ArgumentException a when requestsSent > 0 => $"rejected after {requestsSent} request(s) were sent: {a.Message}",
        ArgumentException a when string.IsNullOrWhiteSpace(a.ParamName) => $"{a.GetType().Name} names no argument: {a.Message}",
        ArgumentException => null,
        CdrApiException api when api.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity or HttpStatusCode.InternalServerError
            => $"sent, and the emulator refused it with {(int)api.StatusCode}: {api.Message}",
        CdrApiException api when api.StatusCode is HttpStatusCode.NotFound => null,
        CdrApiException api when api.Provider == CdrProvider.Tsg && api.Errors.Count > 0 => $"sent, and the GraphQL server refused it: {api.Message}",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    private static string Show(object? request)
    {
        try
        {
            return JsonSerializer.Serialize(request, ShowOptions);
        }
        catch (NotSupportedException)
        {
            return request?.ToString() ?? "null";
        }
    }

    private static readonly JsonSerializerOptions ShowOptions = new() { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    /// <summary>Random requests: mostly plausible values, with a share of every kind of wrong one.</summary>
    private sealed class RequestGenerator(Random random)
    {
        private static readonly string[] Plausible = ["abc", "+13125550100", "1312555", "a&b=c+d", "ü名前", "%20", "null", "0", "1001"];

        private static readonly string[] Junk = ["", " ", "*555*", "line\nbreak", new string('x', 300)];

        private static readonly string[] TelnyxFields = ["id", "cli", "cld", "start_time", "end_time", "billing_group", "not_a_field", ""];

        private static readonly string[] TimeZones = ["UTC", "America/New_York", "Europe/Dublin", "Asia/Tokyo"];

        private static readonly string[] BadTimeZones = ["Mars/Phobos", "", "+02:00"];

        private static readonly string[] KazooKeys = ["call_direction", "hangup_cause", "custom_channel_vars.account_id", "caller_id_number", "", "a b", "bad&key"];

        public bool Chance(double p) => random.NextDouble() < p;

        public T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

        /// <summary>A wrong choice, now and then: each field goes wrong rarely, so a request as a whole is often valid and often not.</summary>
        public bool Wild() => Chance(0.04);

        public string Text() => Wild() ? Pick(Junk) : Pick(Plausible);

        public string Phone() => !Wild() ? "+1" + random.NextInt64(2_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture) : Text();

        public string Connection() => Wild() ? Text() : random.Next(1000, 99_999).ToString(CultureInfo.InvariantCulture);

        public string Id() => !Wild() ? Hex32() : Text();

        /// <summary>32 hex digits from the seeded source (a Guid would make the run irreproducible).</summary>
        public string Hex32()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return Convert.ToHexStringLower(bytes);
        }

        public DateTimeOffset Instant() => random.Next(10) switch
        {
            0 => Now.AddDays(random.Next(1, 400)),
            1 => new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero),
            2 => DateTimeOffset.MinValue,
            _ => Now.AddMinutes(-random.Next(1, 60 * 24 * 60)),
        };

        public int Number(int typicalMax) => random.Next(8) switch
        {
            0 => -random.Next(1, 100),
            1 => 0,
            2 => typicalMax + random.Next(1, 10_000),
            _ => random.Next(1, typicalMax + 1),
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

            var values = Enumerable.Range(0, random.Next(1, 4)).Select(_ => item()).ToList();
            return Wild() ? values : values.Distinct().ToList();
        }

        public TEnum Enum<TEnum>()
            where TEnum : struct, System.Enum =>
            Wild() ? (TEnum)(object)random.Next(-1, 50) : Pick(System.Enum.GetValues<TEnum>());

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
        private IReadOnlyList<ReportFilter>? Filters(TelnyxApiVersion version) => random.Next(4) switch
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
            Enumerable.Range(0, random.Next(1, 5)).Select(i => new FilterStep(i == 0 ? "where" : Chance(0.6) ? "and" : "or", Criterion())).ToList();

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
            var tags = Chance(0.85) ? Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(new[] { "vip", "support", "sales" })).ToArray() : Chance(0.5) ? [] : [Text()];
            var match = Enum<NumberMatch>();
            return random.Next(5) switch
            {
                0 => ($"Cli.Matches({value}, {match})", () => Cli.Matches(value, match)),
                1 => ($"Cld.StartsWith({value})", () => Cld.StartsWith(value)),
                2 => ($"Cli.EndsWith({value})", () => Cli.EndsWith(value)),
                3 => ($"Tags.Any({string.Join(",", tags)})", () => Tags.Any(tags)),
                _ => ($"BillingGroup.Is({value})", () => BillingGroup.Is(value)),
            };
        }

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

        private string Like() => Chance(0.8) ? "*" + random.Next(100, 999).ToString(CultureInfo.InvariantCulture) + "*" : Text();

        private VoisoNumberFilter NumberFilter(int max) => random.Next(5) switch
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
            return random.Next(4) switch
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
                    Message = (TsgMessageCdrFields)random.Next(-1, 512),
                    Voice = (TsgVoiceCdrFields)random.Next(-1, 4096),
                    Api = (TsgApiCdrFields)random.Next(-1, 512),
                },
            };
        }

        public string KazooAccount() => random.Next(10) switch
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
                UtcOffset = Chance(0.8) ? null : TimeSpan.FromMinutes(random.Next(-20 * 60, 20 * 60)),
            };
        }

        private Dictionary<string, string> Dictionary() =>
            Enumerable.Range(0, random.Next(0, 3)).Select(_ => (Key: Pick(KazooKeys), Value: Text())).DistinctBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value);

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
            CircuitBreakerFailureRatio = Wild() ? random.NextDouble() * 3 - 1 : 0.05 + (random.NextDouble() * 0.95),
            CircuitBreakerMinimumThroughput = Setting(2, 100),
            CircuitBreakerSamplingDuration = Span(TimeSpan.FromSeconds(30)),
            CircuitBreakerBreakDuration = Span(TimeSpan.FromSeconds(5)),
            MaxRequestsPerSecond = Chance(0.7) ? null : Wild() ? -random.NextDouble() : Pick(new[] { 0.0001, 0.5, 10.0, 10_000.0, 20_000.0 }),
            RateLimitBurst = Setting(1, 10_000),
        };

        /// <summary>A duration near <paramref name="typical"/>, now and then zero, negative, tiny or huge.</summary>
        private TimeSpan Span(TimeSpan typical) => !Wild() ? typical * (0.1 + (random.NextDouble() * 2)) : random.Next(4) switch
        {
            0 => TimeSpan.Zero,
            1 => -typical,
            2 => TimeSpan.FromTicks(random.Next(1, 20_000)),
            _ => TimeSpan.FromDays(random.Next(1, 1000)),
        };

        /// <summary>A whole-number setting in [<paramref name="min"/>, <paramref name="max"/>], now and then just outside.</summary>
        private int Setting(int min, int max) =>
            !Wild() ? random.Next(min, max + 1) : Chance(0.5) ? min - random.Next(1, 100) : max + random.Next(1, 1000);

        /// <summary>A time range: usually sensible (start before end, in the past), sometimes backwards, huge or in the future.</summary>
        private (DateTimeOffset Start, DateTimeOffset? End) Range()
        {
            if (!Wild() && !Wild())
            {
                var end = Now.AddHours(-random.Next(1, 24 * 30));
                return (end.AddMinutes(-random.Next(1, 60 * 24 * 3)), Chance(0.1) ? null : end);
            }

            return (Instant(), Chance(0.2) ? null : Instant());
        }
    }

    /// <summary>One step of a generated filter chain: <c>where</c>, <c>and</c> or <c>or</c> and its criterion.</summary>
    private sealed record FilterStep(string Kind, (string Describe, Func<FilterCriterion> Make) Criterion)
    {
        public string Describe => $"{Kind} {Criterion.Describe}";

        public FilterCriterion Make() => Criterion.Make();
    }
}
