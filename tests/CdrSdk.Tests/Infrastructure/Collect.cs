namespace CdrSdk.Tests.Infrastructure;

/// <summary>Collects an asynchronous sequence, cancelled with the test (use with <c>using static</c>).</summary>
public static class Collect
{
    public static async Task<List<T>> All<T>(IAsyncEnumerable<T> source) =>
        await source.ToListAsync(TestContext.Current.CancellationToken);
}
