using CdrSdk.Sync;
using CdrSdk.Tool.Export;
using Microsoft.Extensions.Configuration;

namespace CdrSdk.Tool.Sync;

/// <summary>
/// Reads a sync configuration file: <see cref="CdrSyncOptions"/> under <c>"CdrSync"</c> or at the root (an
/// appsettings.json works), with the errors of every <c>--config</c> (<see cref="ConfigFile"/>): a missing file,
/// JSON that does not parse, a misspelled setting or a value of the wrong type each end with one line naming it.
/// </summary>
internal static class SyncConfigFile
{
    /// <exception cref="ExportException">The file cannot be used; the message says why.</exception>
    public static CdrSyncOptions Load(FileInfo file)
    {
        var configuration = ConfigFile.Section(file, "CdrSync");
        var options = new CdrSyncOptions();
        ConfigFile.Bind(file, () => configuration.Bind(options, o => o.ErrorOnUnknownConfiguration = true));
        return options;
    }
}
