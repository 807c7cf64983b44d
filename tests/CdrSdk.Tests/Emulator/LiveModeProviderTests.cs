using CdrSdk.Emulator;

namespace CdrSdk.Tests.Emulator;

/// <summary>
/// Live mode end to end: each provider's emulation, read through the SDK over loopback with the emulator's clock
/// moved by hand, serves exactly what the data set says exists at that instant: late records only once they
/// arrived, changed records under the same id with their new values, nothing from the future.
/// </summary>
public sealed class LiveModeProviderTests : IAsyncLifetime
{
    private static readonly string[] CallProviders = ["telnyx-cdr", "voiso", "tsg-voice", "kazoo"];
    private LiveScenario _live = null!;

    public async ValueTask InitializeAsync() => _live = await LiveScenario.StartAsync();

    public ValueTask DisposeAsync() => _live.DisposeAsync();

    public static TheoryData<string> Providers => LiveScenario.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_provider_serves_the_computed_truth_at_every_instant(string provider)
    {
        var previous = new List<LiveRow>();
        foreach (var instant in new[] { LiveScenario.T0, LiveScenario.T0.AddMinutes(25), LiveScenario.T0.AddHours(1), LiveScenario.T0.AddHours(3) })
        {
            _live.MoveTo(instant);
            var truth = _live.Truth(provider, instant);

            var served = await _live.ServedAsync(provider);

            Assert.Equal(truth, served);
            Assert.NotEqual(previous, truth);
            previous = truth;
        }

        // By then every record of the window exists and is final: the timeless data set, revised where due.
        Assert.True(previous.Count > 100, $"{provider}: only {previous.Count} records");
    }

    [Fact]
    public async Task A_late_call_is_absent_from_every_provider_before_it_arrives_and_present_from_then_on()
    {
        var late = _live.Emulator.Data.Calls(LiveScenario.Since, LiveScenario.Until)
            .First(c => c.IsLate && c.Index % 2 == 0 && c.AvailableAt > LiveScenario.T0.AddMinutes(5) && c.RevisedAt is null);
        Assert.Equal(late.EndedAt + TimeSpan.FromHours(2), late.AvailableAt);

        foreach (var (instant, present) in new[] { (LiveScenario.T0, false), (late.AvailableAt.AddSeconds(-1), false), (late.AvailableAt, true), (late.AvailableAt.AddHours(1), true) })
        {
            _live.MoveTo(instant);
            foreach (var provider in CallProviders)
            {
                var ids = (await _live.ServedAsync(provider)).Select(r => r.Id).ToList();
                Assert.True(ids.Contains(_live.IdOf(provider, late)) == present, $"{provider} at {instant:O}: expected the late call {(present ? "present" : "absent")}");
                Assert.NotEmpty(ids);
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_changed_call_comes_back_from_every_provider_with_the_same_id_and_its_new_values(bool answered)
    {
        var changed = _live.Emulator.Data.Calls(LiveScenario.Since, LiveScenario.Until)
            .First(c => c.RevisedAt > LiveScenario.T0 && !c.IsLate && c.Index % 2 == 0 && (c.Disposition == "answered") == answered);
        var revised = _live.Emulator.Data.GetCallAt(changed.Index, changed.RevisedAt!.Value)!;
        Assert.True(revised.IsRevised);
        Assert.False(_live.Emulator.Data.GetCallAt(changed.Index, changed.RevisedAt.Value.AddTicks(-1))!.IsRevised);
        Assert.Equal(changed.Id, revised.Id);

        var before = await RowsOf(changed);
        _live.MoveTo(changed.RevisedAt.Value);
        var after = await RowsOf(changed);

        foreach (var provider in CallProviders)
        {
            Assert.Equal(before[provider].Id, after[provider].Id);
            Assert.Equal(before[provider].StartedAt, after[provider].StartedAt);
            Assert.NotEqual(before[provider], after[provider]);
        }

        var telnyx = after["telnyx-cdr"];
        Assert.Equal((revised.Cost, revised.Disposition, TimeSpan.FromSeconds(revised.DurationSeconds), revised.EndedAt), (telnyx.Cost, telnyx.Outcome, telnyx.Duration, telnyx.EndedAt));
        Assert.Equal(changed.Id, telnyx.Id);
        if (answered)
        {
            Assert.NotEqual(before["telnyx-cdr"].Cost, telnyx.Cost);
            Assert.NotEqual(before["tsg-voice"].Cost, after["tsg-voice"].Cost);
            Assert.NotEqual(before["kazoo"].Cost, after["kazoo"].Cost);
            Assert.Equal(before["telnyx-cdr"].Outcome, telnyx.Outcome);
        }
        else
        {
            Assert.NotEqual(before["telnyx-cdr"].Outcome, telnyx.Outcome);
            Assert.NotEqual(before["tsg-voice"].Outcome, after["tsg-voice"].Outcome);
            Assert.NotEqual(before["kazoo"].Outcome, after["kazoo"].Outcome);
        }

        Assert.Equal(revised.EndedAt - changed.EndedAt, after["kazoo"].EndedAt - before["kazoo"].EndedAt);
    }

    [Fact]
    public async Task Nothing_is_served_from_the_future_even_for_a_range_that_reaches_past_now()
    {
        var (since, until) = (LiveScenario.T0.AddHours(-1), LiveScenario.T0.AddHours(1));
        foreach (var provider in new[] { "telnyx-cdr", "telnyx-mdr", "voiso", "kazoo" })
        {
            var served = await _live.ServedAsync(provider, since, until);

            Assert.Equal(_live.Truth(provider, LiveScenario.T0, since, until), served);
            Assert.NotEmpty(served);
            Assert.All(served, r => Assert.True(r.EndedAt <= LiveScenario.T0, $"{provider}: {r.Id} ends at {r.EndedAt:O}, after now"));
        }

        // Without live mode the same data set has records all through the hour after now.
        Assert.Contains(_live.Emulator.Data.Calls(since, until), c => c.StartedAt > LiveScenario.T0);
    }

    private async Task<Dictionary<string, LiveRow>> RowsOf(SeedCall call)
    {
        var rows = new Dictionary<string, LiveRow>(StringComparer.Ordinal);
        foreach (var provider in CallProviders)
        {
            rows[provider] = (await _live.ServedAsync(provider)).Single(r => r.Id == _live.IdOf(provider, call));
        }

        return rows;
    }
}
