using CdrSdk.Sync;
using Microsoft.Extensions.Configuration;

namespace CdrSdk.Tool.Sync;

/// <summary>Reads a sync configuration file: <see cref="CdrSyncOptions"/> under <c>"CdrSync"</c> or at the root (an appsettings.json works).</summary>
internal static class SyncConfigFile
{
    /// <exception cref="CdrSyncException">The file is missing or not valid JSON of that shape.</exception>
    public static CdrSyncOptions Load(FileInfo file)
    {
        if (!file.Exists)
        {
            throw Fail($"--config: {file.FullName} does not exist.");
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(file.FullName, optional: false).Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            throw Fail($"--config: {file.FullName} is not valid JSON: {ex.Message}");
        }

        var section = configuration.GetSection("CdrSync");
        var options = new CdrSyncOptions();
        try
        {
            (section.Exists() ? section : (IConfiguration)configuration).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw Fail($"--config: {file.FullName}: {ex.Message}");
        }

        return options;
    }

    private static CdrSyncException Fail(string message) => new(message) { BeforeAnyWrite = true };
}
