using System.Globalization;
using System.Net;
using System.Text.Json;
using CdrSdk.Emulator;
using CdrSdk.Kazoo;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;
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
    internal static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
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
}
