using System.Text.Json;

namespace CdrSdk.Tests.Tool;

/// <summary>Reads how far an export got from outside it (its state file), and waits for it to get there.</summary>
internal static class ExportStateProbe
{
    /// <summary>The pages the state file of <paramref name="output"/> says were saved, or 0 when there is none yet.</summary>
    public static long PagesSaved(string output)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(output + ".cdr-state.json"));
            return json.RootElement.GetProperty("pages").GetInt64();
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return 0;
        }
    }

    /// <summary>Waits (up to 15 s) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1500 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), "timed out waiting");
    }
}
