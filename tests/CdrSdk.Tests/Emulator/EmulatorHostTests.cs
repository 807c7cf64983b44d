using System.Net;
using CdrSdk.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace CdrSdk.Tests.Emulator;

/// <summary>The emulator's listeners take nothing from where they run: no settings files, no variables, no file watching.</summary>
public sealed class EmulatorHostTests
{
    [Fact]
    public async Task A_listener_reads_no_settings_file_or_variables_and_watches_no_folder()
    {
        await using var app = CdrEmulator.Build(IPAddress.Loopback, 0, new CdrEmulatorOptions(), new ConnectionCounter());

        var providers = ((IConfigurationRoot)app.Configuration).Providers.ToList();
        Assert.DoesNotContain(providers, p => p is JsonConfigurationProvider or EnvironmentVariablesConfigurationProvider or FileConfigurationProvider);
        Assert.Null(app.Configuration["Kestrel:Endpoints:Http:Url"]);
        Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), Path.TrimEndingDirectorySeparator(app.Environment.ContentRootPath));
    }
}
