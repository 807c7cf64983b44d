namespace CdrSdk.Tests.Infrastructure;

public static class TestTime
{
    /// <summary>Midnight UTC of today plus <paramref name="days"/>.</summary>
    public static DateTimeOffset UtcDay(int days) => new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero).AddDays(days);
}
