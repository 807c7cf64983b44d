using CdrSdk.Telnyx;
using CdrSdk.Voiso;

namespace CdrSdk.Tool.Export;

/// <summary>The sentences <c>cdr export</c> ends with: the summary, and what a stopped or failed run left and how to continue.</summary>
internal static class ExportMessages
{
    /// <summary>How to continue an export that stopped.</summary>
    public const string ResumeHint = "run the same command with --resume to continue where it stopped";

    /// <summary>For example <c>Exported 522 records (1 page, 0 retries) in 2.4 s to /data/x.csv, from the embedded emulator.</c></summary>
    /// <remarks>A resumed export counts what this run added and says the total: <c>Exported 200 more records (...) to x.csv, 700 records in all, from ...</c>.</remarks>
    public static string Summary(ExportSettings settings, ExportProgress progress, ExportTarget target)
    {
        var records = progress.Resumed ? ExportProgress.Count(progress.RunRecords, "more record") : ExportProgress.Count(progress.Records, "record");
        var total = progress.Resumed ? $", {ExportProgress.Count(progress.Records, "record")} in all" : string.Empty;
        var from = target.Emulated ? "the embedded emulator (no address or credentials were given)" : target.Name;
        return $"Exported {records} ({ExportProgress.Count(progress.RunPages, "page")}, {ExportProgress.RetryCount(progress.Retries)}) "
            + $"in {ExportProgress.Duration(progress.Elapsed)} to {Where(settings)}{total}, from {from}.";
    }

    /// <summary>What is in the output after a stop or failure, and how to continue.</summary>
    public static string Left(ExportSettings settings, ExportOutput? output, string continueHow)
    {
        if (output is null || !output.SavedAny && !settings.Resume)
        {
            return settings.Resume ? "Nothing more was written." : "Nothing was written.";
        }

        var records = ExportProgress.Count(output.State.Records, "record");
        return settings.ToStandardOutput
            ? $"{records} {(output.State.Records == 1 ? "was" : "were")} written to standard output; an export there cannot be resumed."
            : $"{records} {(output.State.Records == 1 ? "is" : "are")} in {Where(settings)}; {continueHow}.";
    }

    /// <summary>
    /// How to continue after a provider failure: <c>--resume</c>, unless what the state file holds cannot be
    /// continued (a Telnyx report that failed or expired, a Voiso cursor that expired), then starting over.
    /// </summary>
    public static string ContinueAfter(Exception failure, ExportSettings settings) => failure switch
    {
        ReportOperationException { Status: ReportStatus.Failed or ReportStatus.Expired } or VoisoInvalidCursorException =>
            $"what was saved cannot be continued: delete {settings.StateFile.Name} and run the command without --resume to start over",
        _ => ResumeHint,
    };

    /// <summary>Where to give the credentials of the provider.</summary>
    public static string CredentialsHint(CdrProvider provider) => provider switch
    {
        CdrProvider.Telnyx => "Check --api-key and --api-user (TELNYX_API_KEY, TELNYX_API_USER) and --api-version",
        CdrProvider.Voiso => "Check --api-key (VOISO_API_KEY) and its reporting.cdrs.read scope",
        CdrProvider.Tsg => "Check --api-key (TSG_API_KEY) or --email and --password (TSG_EMAIL, TSG_PASSWORD)",
        _ => "Check --api-key, --auth-token or --username, --password and --account-name (KAZOO_*), and --account-id",
    };

    private static string Where(ExportSettings settings) => settings.ToStandardOutput ? "standard output" : settings.Output.FullName;
}
