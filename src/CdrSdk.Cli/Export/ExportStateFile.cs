using System.Text.Json;

namespace CdrSdk.Tool.Export;

/// <summary>Reads and writes the state file; a write replaces the file atomically (temporary file, then rename).</summary>
internal sealed class ExportStateFile
{
    private readonly FileInfo _file;

    public ExportStateFile(FileInfo file)
    {
        _file = file;
    }

    public string Path => _file.FullName;

    public bool Exists => File.Exists(_file.FullName);

    /// <exception cref="ExportException">The file is not a state file of this version.</exception>
    public async Task<ExportState> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stream = File.OpenRead(_file.FullName);
            await using (stream.ConfigureAwait(false))
            {
                var state = await JsonSerializer.DeserializeAsync(stream, ExportStateJsonContext.Default.ExportState, cancellationToken).ConfigureAwait(false);
                return state is { Version: ExportState.CurrentVersion }
                    ? state
                    : throw new ExportException($"{Path} is not a state file this version of cdr can resume (version {state?.Version}).");
            }
        }
        catch (JsonException ex)
        {
            throw new ExportException($"{Path} is not a valid state file: {ex.Message}", ex);
        }
    }

    public async Task WriteAsync(ExportState state, CancellationToken cancellationToken)
    {
        var temporary = _file.FullName + ".tmp";
        var stream = File.Create(temporary);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, state, ExportStateJsonContext.Default.ExportState, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, _file.FullName, overwrite: true);
    }

    public void Delete() => File.Delete(_file.FullName);
}
