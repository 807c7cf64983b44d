using CdrSdk.Emulator;
using CdrSdk.Tests.Infrastructure;
using CdrSdk.Tsg;

namespace CdrSdk.Tests.Tsg;

/// <summary>The fixture of the TSG tests: an emulator of their own (120 messages an hour) and a day three days back.</summary>
public abstract class TsgEmulatorTests : IAsyncLifetime
{
    /// <summary>The first instant of the day the tests read.</summary>
    protected static readonly DateTimeOffset Start = TestTime.UtcDay(-3);

    /// <summary>The emulator of this test.</summary>
    protected CdrEmulator Emulator { get; private set; } = null!;

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => Emulator = await TestClients.StartEmulatorAsync(o => o.MessagesPerHour = 120);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The records of one type on <see cref="Start"/>'s day.</summary>
    protected static TsgCdrQuery Day(TsgCdrType type) => new() { Type = type, Start = Start, End = Start.AddDays(1) };
}
