using CdrSdk.Emulator;
using CdrSdk.Telnyx;
using CdrSdk.Tests.Infrastructure;

namespace CdrSdk.Tests.Core;

public sealed class SecretLeakTests
{
    [Theory]
    [InlineData(TelnyxApiVersion.V1)]
    [InlineData(TelnyxApiVersion.V2)]
    public async Task Credentials_appear_in_no_log_message_or_exception_during_a_full_run(TelnyxApiVersion version)
    {
        var ct = TestContext.Current.CancellationToken;
        const string key = "KEY-0123456789-super-secret";
        const string user = "secret-user@example.com";
        await using var emulator = await TestClients.StartEmulatorAsync(o =>
        {
            o.TelnyxApiKey = key;
            o.TelnyxApiUser = user;
        });
        var logs = new CapturingLoggerProvider();
        await using var client = TestClients.Telnyx(emulator, version, loggerFactory: logs.CreateFactory());
        var texts = new List<string>();

        emulator.Faults.Add(new FaultRule { Method = "GET", StatusCode = 503, Body = $$"""{"errors":[{"code":"1","title":"echo {{key}} {{user}}"}]}""" });
        var operation = await client.Telnyx.CdrReports.StartAsync(new CdrReportRequest { StartTime = DateTimeOffset.UtcNow.AddHours(-2), EndTime = DateTimeOffset.UtcNow }, ct);
        await operation.WaitForCompletionAsync(ct);
        await foreach (var row in operation.ReadRowsAsync(ct))
        {
            Assert.NotNull(row.Id);
        }

        emulator.Faults.Add(new FaultRule { Method = "GET", StatusCode = 400, Times = 1, Body = $$"""{"errors":[{"code":"10015","title":"Bad","detail":"your key {{key}} and user {{user}}"}]}""" });
        var error = await Assert.ThrowsAsync<CdrApiException>(() => client.Telnyx.CdrReports.GetAsync(operation.Id, ct));
        texts.Add(error.ToString());
        texts.Add(error.ResponseBodyExcerpt ?? string.Empty);
        texts.AddRange(error.Errors.Select(e => e.ToString()));
        texts.AddRange(logs.Entries.Select(e => e.Message));
        texts.Add(client.ToString());

        Assert.Contains(logs.Entries, e => e.EventId.Id == 1003);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 1002);
        Assert.Contains("***", error.ErrorDetail, StringComparison.Ordinal);
        Assert.All(texts, text => Assert.DoesNotContain(key, text, StringComparison.Ordinal));
        if (version == TelnyxApiVersion.V1)
        {
            // The v1 user is an account email, registered as a secret as well.
            Assert.All(texts, text => Assert.DoesNotContain(user, text, StringComparison.Ordinal));
        }
    }
}
