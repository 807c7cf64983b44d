using CdrSdk.Emulator;

namespace CdrSdk.Tests.Emulator;

/// <summary>Live mode's rules on the data set itself: who is late or changed, when, how, and the checks on the settings.</summary>
public sealed class LiveDataSetTests
{
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);

    [Fact]
    public void Without_live_mode_every_record_is_visible_at_every_instant_and_never_changes()
    {
        var data = new EmulatorDataSet(42, 200, 200);
        var calls = data.Calls(From, To).ToList();

        Assert.False(data.IsLive);
        Assert.Equal(calls.Select(c => c.Id), data.CallsVisibleAt(From, To, EmulatorDataSet.Epoch).Select(c => c.Id));
        Assert.Equal(data.Messages(From, To).Select(m => m.Id), data.MessagesVisibleAt(From, To, EmulatorDataSet.Epoch).Select(m => m.Id));
        Assert.All(calls, c => Assert.False(c.IsLate || c.IsRevised || c.RevisedAt is not null));
        Assert.All(calls, c => Assert.Equal(c.EndedAt, c.AvailableAt));
        Assert.Equal(4800, calls.Count);
    }

    [Theory]
    [InlineData(0.05, 0.05)]
    [InlineData(0.3, 0.0)]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 1.0)]
    public void The_shares_of_late_and_changed_records_follow_the_settings(double late, double changed)
    {
        var data = Live(o => (o.LateFraction, o.ChangedFraction) = (late, changed));
        var calls = data.Calls(From, From.AddDays(5)).ToList();
        var messages = data.Messages(From, From.AddDays(5)).ToList();

        Assert.Equal(24_000, calls.Count);
        Assert.InRange(calls.Count(c => c.IsLate) / (double)calls.Count, late - 0.01, late + 0.01);
        Assert.InRange(calls.Count(c => c.RevisedAt is not null) / (double)calls.Count, changed - 0.01, changed + 0.01);
        Assert.InRange(messages.Count(m => m.IsLate) / (double)messages.Count, late - 0.01, late + 0.01);
        Assert.InRange(messages.Count(m => m.RevisedAt is not null) / (double)messages.Count, changed - 0.01, changed + 0.01);
        Assert.All(calls, c => Assert.Equal(c.IsLate ? c.EndedAt + TimeSpan.FromHours(2) : c.EndedAt, c.AvailableAt));
        Assert.All(calls.Where(c => c.RevisedAt is not null), c => Assert.Equal(c.AvailableAt + TimeSpan.FromMinutes(30), c.RevisedAt));
    }

    [Fact]
    public void Late_and_changed_records_follow_from_the_seed()
    {
        static string Pattern(EmulatorDataSet data) =>
            string.Concat(data.Calls(From, To).Select(c => (c.IsLate ? "L" : "-") + (c.RevisedAt is null ? "-" : "C")));

        Assert.Equal(Pattern(Live()), Pattern(Live()));
        Assert.NotEqual(Pattern(Live()), Pattern(Live(seed: 7)));
        Assert.Contains("L", Pattern(Live()), StringComparison.Ordinal);
        Assert.Contains("C", Pattern(Live()), StringComparison.Ordinal);
    }

    [Fact]
    public void At_any_instant_exactly_the_records_that_exist_by_then_are_visible_and_nothing_from_the_future()
    {
        var data = Live(o => (o.LateFraction, o.ChangedFraction) = (0.2, 0.2));
        var all = data.Calls(From, To).ToList();
        var messages = data.Messages(From, To).ToList();
        foreach (var now in new[] { From, From.AddMinutes(7), From.AddHours(5.5), To.AddMinutes(-3), To.AddHours(2), To.AddDays(1) })
        {
            var visible = data.CallsVisibleAt(From, To, now).ToList();

            Assert.Equal(all.Where(c => c.AvailableAt <= now).Select(c => c.Id), visible.Select(c => c.Id));
            Assert.All(visible, c => Assert.True(c.EndedAt <= now && c.StartedAt < now));
            Assert.All(visible, c => Assert.Equal(c.RevisedAt <= now, c.IsRevised));
            Assert.Equal(messages.Where(m => m.AvailableAt <= now).Select(m => m.Id), data.MessagesVisibleAt(From, To, now).Select(m => m.Id));
            Assert.All(data.MessagesVisibleAt(From, To, now), m => Assert.True(m.CompletedAt <= now));
        }

        Assert.Empty(data.CallsVisibleAt(From, To, From));
        Assert.Equal(all.Count, data.CallsVisibleAt(From, To, To.AddDays(1)).Count());
    }

    [Fact]
    public void A_revised_call_keeps_its_id_and_times_and_changes_its_cost_or_outcome_and_its_end()
    {
        var data = Live(o => o.ChangedFraction = 0.5);
        var changed = data.Calls(From, To).Where(c => c.RevisedAt is not null).ToList();
        Assert.Contains(changed, c => c.Disposition == "answered");
        Assert.Contains(changed, c => c.Disposition != "answered");

        foreach (var first in changed)
        {
            var revised = data.GetCallAt(first.Index, first.RevisedAt!.Value)!;

            Assert.True(revised.IsRevised);
            Assert.Equal((first.Id, first.StartedAt, first.AnsweredAt, first.Direction, first.From, first.To), (revised.Id, revised.StartedAt, revised.AnsweredAt, revised.Direction, revised.From, revised.To));
            Assert.InRange((revised.EndedAt - first.EndedAt).TotalSeconds, 1, 50);
            Assert.True(revised.EndedAt <= revised.RevisedAt);
            Assert.Equal(revised.DurationSeconds, revised.RingSeconds + revised.TalkSeconds);
            if (first.Disposition == "answered")
            {
                Assert.Equal("answered", revised.Disposition);
                Assert.NotEqual(first.Cost, revised.Cost);
            }
            else
            {
                Assert.NotEqual(first.Disposition, revised.Disposition);
                Assert.NotEqual(first.HangupCause, revised.HangupCause);
                Assert.Equal(0, revised.TalkSeconds);
            }
        }
    }

    [Fact]
    public void A_revised_message_keeps_its_id_and_kind_and_changes_its_status_and_cost()
    {
        var data = Live(o => o.ChangedFraction = 0.5);
        var changed = data.Messages(From, To).Where(m => m.RevisedAt is not null).ToList();
        Assert.NotEmpty(changed);

        foreach (var first in changed)
        {
            var revised = data.GetMessageAt(first.Index, first.RevisedAt!.Value)!;

            Assert.True(revised.IsRevised);
            Assert.Equal((first.Id, first.CreatedAt, first.MessageType, first.Parts), (revised.Id, revised.CreatedAt, revised.MessageType, revised.Parts));
            Assert.NotEqual(first.Status, revised.Status);
            Assert.NotEqual(first.Cost, revised.Cost);
            Assert.True(revised.CompletedAt > first.CompletedAt && revised.CompletedAt <= revised.RevisedAt);
            Assert.Null(data.GetMessageAt(first.Index, first.AvailableAt.AddTicks(-1)));
        }
    }

    [Fact]
    public void A_range_far_from_the_epoch_is_served_from_its_first_record_on()
    {
        var data = new EmulatorDataSet(42, 1_800_000, 1_800_000, new EmulatorLiveOptions());
        var from = new DateTimeOffset(2031, 5, 1, 0, 0, 0, TimeSpan.Zero);

        var first = data.CallsVisibleAt(from, from.AddSeconds(10), from.AddHours(3)).First();

        Assert.Equal(data.CallIndexAtOrAfter(from), first.Index);
        Assert.True(first.Index > 100_000_000_000);
        Assert.Equal(data.GetCall(first.Index).Id, first.Id);
    }

    public static TheoryData<Action<EmulatorLiveOptions>, string> BadSettings => new()
    {
        { o => o.LateFraction = 1.5, "Live.LateFraction must be between 0 and 1, but was 1.5." },
        { o => o.LateFraction = double.NaN, "Live.LateFraction must be between 0 and 1, but was NaN." },
        { o => o.ChangedFraction = -0.1, "Live.ChangedFraction must be between 0 and 1, but was -0.1." },
        { o => o.LateBy = TimeSpan.Zero, "Live.LateBy must be more than zero and at most 30 days, but was 00:00:00." },
        { o => o.LateBy = TimeSpan.FromDays(31), "Live.LateBy must be more than zero and at most 30 days, but was 31.00:00:00." },
        { o => o.ChangedAfter = TimeSpan.FromSeconds(30), "Live.ChangedAfter must be between 00:01:00 and 30 days, but was 00:00:30." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_live_setting_is_rejected_with_its_name_and_range_before_the_emulator_listens(Action<EmulatorLiveOptions> configure, string message)
    {
        var live = new EmulatorLiveOptions();
        configure(live);

        var fromDataSet = Assert.Throws<ArgumentOutOfRangeException>(() => new EmulatorDataSet(42, 40, 60, live));
        var fromEmulator = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => CdrEmulator.StartAsync(new CdrEmulatorOptions { Live = live }, TestContext.Current.CancellationToken));

        Assert.StartsWith(message, fromDataSet.Message, StringComparison.Ordinal);
        Assert.Equal("live", fromDataSet.ParamName);
        Assert.StartsWith(message, fromEmulator.Message, StringComparison.Ordinal);
        Assert.Equal("options", fromEmulator.ParamName);
    }

    [Fact]
    public void Editing_the_options_after_the_data_set_was_made_changes_nothing()
    {
        var live = new EmulatorLiveOptions { LateFraction = 0.2 };
        var data = new EmulatorDataSet(42, 200, 200, live);
        var before = data.Calls(From, To).Count(c => c.IsLate);

        live.LateFraction = 0.9;

        Assert.Equal(before, data.Calls(From, To).Count(c => c.IsLate));
    }

    private static EmulatorDataSet Live(Action<EmulatorLiveOptions>? configure = null, int seed = 42)
    {
        var live = new EmulatorLiveOptions();
        configure?.Invoke(live);
        return new EmulatorDataSet(seed, 200, 200, live);
    }
}
