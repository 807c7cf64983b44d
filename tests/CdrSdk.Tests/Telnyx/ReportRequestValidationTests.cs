using CdrSdk.Emulator;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Telnyx;

/// <summary>Every request rule is enforced before any HTTP call, with a message naming the property and what is allowed.</summary>
public sealed class ReportRequestValidationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private CdrEmulator _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await TestClients.StartEmulatorAsync();

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    public static TheoryData<string, TelnyxApiVersion, Func<CdrReportRequest>, string, string> CdrCases => new()
    {
        { "start missing", TelnyxApiVersion.V1, () => new CdrReportRequest { StartTime = default }, "StartTime", "is required" },
        { "end before start", TelnyxApiVersion.V1, () => new CdrReportRequest { StartTime = Now.AddHours(-1), EndTime = Now.AddHours(-2) }, "EndTime", "must be after StartTime" },
        { "end equals start", TelnyxApiVersion.V1, () => new CdrReportRequest { StartTime = Now, EndTime = Now }, "EndTime", "must be after StartTime" },
        { "end 24h ahead", TelnyxApiVersion.V1, () => new CdrReportRequest { StartTime = Now.AddHours(-1), EndTime = Now.AddHours(24) }, "EndTime", "less than 24 hours from now" },
        { "v2 end required", TelnyxApiVersion.V2, () => new CdrReportRequest { StartTime = Now.AddHours(-1) }, "EndTime", "is required by API v2" },
        { "empty call types", TelnyxApiVersion.V1, () => Valid() with { CallTypes = [] }, "CallTypes", "is empty" },
        { "unknown call type", TelnyxApiVersion.V1, () => Valid() with { CallTypes = [(TelnyxCallType)5] }, "CallTypes[0]", "must be Inbound or Outbound" },
        { "duplicate call type", TelnyxApiVersion.V1, () => Valid() with { CallTypes = [TelnyxCallType.Inbound, TelnyxCallType.Inbound] }, "CallTypes", "more than once" },
        { "unknown record type", TelnyxApiVersion.V1, () => Valid() with { RecordTypes = [(TelnyxRecordType)0] }, "RecordTypes[0]", "Complete, Incomplete or Errors" },
        { "blank connection", TelnyxApiVersion.V1, () => Valid() with { Connections = [""] }, "Connections[0]", "non-empty connection ids" },
        { "v2 connection not numeric", TelnyxApiVersion.V2, () => Valid() with { Connections = ["abc"] }, "Connections[0]", "numeric connection id" },
        { "blank report name", TelnyxApiVersion.V1, () => Valid() with { ReportName = " " }, "ReportName", "is empty" },
        { "v2 source on v1", TelnyxApiVersion.V1, () => Valid() with { Source = CdrReportSource.FaxApi }, "Source", "'calls', 'call-control'" },
        { "unknown source", TelnyxApiVersion.V2, () => Valid() with { Source = "pigeon" }, "Source", "but was 'pigeon'" },
        { "timezone on v1", TelnyxApiVersion.V1, () => Valid() with { Timezone = "UTC" }, "Timezone", "API v2 only" },
        { "fields on v1", TelnyxApiVersion.V1, () => Valid() with { Fields = ["cost"] }, "Fields", "API v2 only" },
        { "metadata on v1", TelnyxApiVersion.V1, () => Valid() with { IncludeAllMetadata = true }, "IncludeAllMetadata", "API v2 only" },
        { "managed accounts on v1", TelnyxApiVersion.V1, () => Valid() with { ManagedAccounts = ["a"] }, "ManagedAccounts", "API v2 only" },
        { "select all on v1", TelnyxApiVersion.V1, () => Valid() with { SelectAllManagedAccounts = true }, "SelectAllManagedAccounts", "API v2 only" },
        { "empty fields on v2", TelnyxApiVersion.V2, () => Valid() with { Fields = [] }, "Fields", "is empty" },
        { "bad filter order", TelnyxApiVersion.V1, () => Valid() with { Filters = [new ReportFilter { FilterType = ReportFilterType.Or, Cli = "1", CliFilter = NumberMatch.Contains }] }, "Filters[0].FilterType", "first filter must be 'and'" },
    };

    public static TheoryData<string, TelnyxApiVersion, Func<MdrReportRequest>, string, string> MdrCases => new()
    {
        { "start missing", TelnyxApiVersion.V1, () => new MdrReportRequest { StartTime = default }, "StartTime", "is required" },
        { "end before start", TelnyxApiVersion.V2, () => new MdrReportRequest { StartTime = Now, EndTime = Now.AddDays(-1) }, "EndTime", "must be after StartTime" },
        { "v2 end required", TelnyxApiVersion.V2, () => new MdrReportRequest { StartTime = Now.AddDays(-1) }, "EndTime", "is required by API v2" },
        { "unknown direction", TelnyxApiVersion.V1, () => ValidMdr() with { Directions = [(MessageDirection)3] }, "Directions[0]", "Inbound or Outbound" },
        { "empty profiles", TelnyxApiVersion.V1, () => ValidMdr() with { Profiles = [] }, "Profiles", "is empty" },
        { "blank timezone", TelnyxApiVersion.V1, () => ValidMdr() with { Timezone = "" }, "Timezone", "is empty" },
        { "call types on v2", TelnyxApiVersion.V2, () => ValidMdr() with { CallTypes = [TelnyxCallType.Inbound] }, "CallTypes", "use Directions" },
        { "message body on v1", TelnyxApiVersion.V1, () => ValidMdr() with { IncludeMessageBody = true }, "IncludeMessageBody", "API v2 only" },
        { "two tags on v2", TelnyxApiVersion.V2, () => ValidMdr() with { Filters = ReportFilters.Where(Tags.Any("a", "b")).Build() }, "Filters[0].TagsList", "exactly one tag" },
    };

    [Theory]
    [MemberData(nameof(CdrCases))]
    public async Task Cdr_requests_breaking_a_rule_are_rejected_before_sending(string because, TelnyxApiVersion version, Func<CdrReportRequest> request, string property, string message)
    {
        await using var client = TestClients.Telnyx(_emulator, version, timeProvider: new ManualTimeProvider(Now));

        var ex = await Assert.ThrowsAsync<CdrValidationException>(() => client.Telnyx.CdrReports.StartAsync(request(), TestContext.Current.CancellationToken));

        var error = Assert.Single(ex.Errors, e => e.PropertyName == property);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(CdrProvider.Telnyx, ex.Provider);
        Assert.Empty(_emulator.Requests.Snapshot());
        _ = because;
    }

    [Theory]
    [MemberData(nameof(MdrCases))]
    public async Task Mdr_requests_breaking_a_rule_are_rejected_before_sending(string because, TelnyxApiVersion version, Func<MdrReportRequest> request, string property, string message)
    {
        await using var client = TestClients.Telnyx(_emulator, version, timeProvider: new ManualTimeProvider(Now));

        var ex = await Assert.ThrowsAsync<CdrValidationException>(() => client.Telnyx.MdrReports.CreateAsync(request(), TestContext.Current.CancellationToken));

        var error = Assert.Single(ex.Errors, e => e.PropertyName == property);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(_emulator.Requests.Snapshot());
        _ = because;
    }

    [Fact]
    public async Task The_24_hour_rule_uses_the_injected_clock()
    {
        var clock = new ManualTimeProvider(Now);
        await using var client = TestClients.Telnyx(_emulator, TelnyxApiVersion.V1, timeProvider: clock);
        var request = new CdrReportRequest { StartTime = Now.AddDays(-1), EndTime = Now.AddHours(23).AddMinutes(59) };

        // Accepted client-side (the emulator runs on the real clock and may still say 400 for a date in its future).
        var created = await client.Telnyx.CdrReports.CreateAsync(request with { EndTime = Now.AddHours(1) }, TestContext.Current.CancellationToken);
        Assert.False(string.IsNullOrEmpty(created.Id));

        clock.Advance(TimeSpan.FromHours(-2));
        var ex = await Assert.ThrowsAsync<CdrValidationException>(() => client.Telnyx.CdrReports.CreateAsync(request, TestContext.Current.CancellationToken));
        Assert.Equal("EndTime", ex.PropertyName);
    }

    [Fact]
    public async Task Null_requests_and_blank_ids_are_argument_errors()
    {
        await using var client = TestClients.Telnyx(_emulator);
        var reports = client.Telnyx.CdrReports;

        Assert.Equal("request", (await Assert.ThrowsAsync<ArgumentNullException>(() => reports.StartAsync(null!, TestContext.Current.CancellationToken))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAsync<ArgumentException>(() => reports.GetAsync(" ", TestContext.Current.CancellationToken))).ParamName);
        Assert.Equal("id", (await Assert.ThrowsAsync<ArgumentException>(() => reports.DeleteAsync("", TestContext.Current.CancellationToken))).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => reports.ResumeOperation(" ")).ParamName);
        Assert.Empty(_emulator.Requests.Snapshot());
    }

    private static CdrReportRequest Valid() => new() { StartTime = Now.AddHours(-6), EndTime = Now.AddHours(-1) };

    private static MdrReportRequest ValidMdr() => new() { StartTime = Now.AddHours(-30), EndTime = Now.AddHours(-6) };
}
