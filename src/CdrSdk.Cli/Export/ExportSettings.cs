using CdrSdk.Tool.Output;

namespace CdrSdk.Tool.Export;

/// <summary>Everything <c>cdr export</c> was asked to do, after parsing; secrets live in <see cref="Credentials"/>.</summary>
internal sealed record ExportSettings
{
    public required CdrProvider Provider { get; init; }

    public required DateTimeOffset Since { get; init; }

    public required DateTimeOffset Until { get; init; }

    public required OutputFormat Format { get; init; }

    /// <summary>The output file (unused with <see cref="ToStandardOutput"/>).</summary>
    public required FileInfo Output { get; init; }

    /// <summary><c>--out -</c>: the export goes to standard output, for pipes; no state file, no resume.</summary>
    public bool ToStandardOutput { get; init; }

    /// <summary><c>--allow-unknown-values</c>: send <c>--type</c> values the provider is not known to accept.</summary>
    public bool AllowUnknownValues { get; init; }

    public bool Resume { get; init; }

    /// <summary>Run against the embedded emulator even when credentials are available.</summary>
    public bool UseEmulator { get; init; }

    public FileInfo? ConfigFile { get; init; }

    public Uri? BaseUrl { get; init; }

    public int? PageSize { get; init; }

    /// <summary>Neutralize spreadsheet formulas in CSV cells (on unless <c>--no-formula-escape</c>).</summary>
    public bool SpreadsheetSafe { get; init; } = true;

    public ExportFilters Filters { get; init; } = new();

    public ExportCredentials Credentials { get; init; } = new();

    /// <summary>The state file next to the output: <c>{output}.cdr-state.json</c>.</summary>
    public FileInfo StateFile => new(Output.FullName + ".cdr-state.json");
}
