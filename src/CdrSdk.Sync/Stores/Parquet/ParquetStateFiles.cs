#if NET9_0_OR_GREATER
using LockObject = System.Threading.Lock;
#else
using LockObject = object;
#endif
using System.Text.Json;

namespace CdrSdk.Sync.Stores.Parquet;

/// <summary>
/// The dataset's bookkeeping under <c>_cdr_sync/</c> (ignored by Hive readers, which skip names starting with
/// <c>_</c>): the schema version, one state file per source, and <c>tmp/</c> where files are written before they are
/// renamed into place. Every file is replaced atomically (written aside, then renamed).
/// </summary>
internal sealed class ParquetStateFiles
{
    private readonly LockObject _gate = new();

    public ParquetStateFiles(string root)
    {
        Root = root;
        Folder = Path.Combine(root, "_cdr_sync");
        States = Path.Combine(Folder, "cdr_sync_state");
        Temporary = Path.Combine(Folder, "tmp");
    }

    public string Root { get; }

    public string Folder { get; }

    public string States { get; }

    public string Temporary { get; }

    public string VersionFile => Path.Combine(Folder, "cdr_schema_version.json");

    public void Create()
    {
        Directory.CreateDirectory(States);
        Directory.CreateDirectory(Temporary);
    }

    public List<ParquetSchemaVersion> ReadVersions() =>
        File.Exists(VersionFile)
            ? JsonSerializer.Deserialize(File.ReadAllText(VersionFile), ParquetJsonContext.Default.ListParquetSchemaVersion) ?? []
            : [];

    public void WriteVersions(List<ParquetSchemaVersion> versions) =>
        Replace(VersionFile, JsonSerializer.SerializeToUtf8Bytes(versions, ParquetJsonContext.Default.ListParquetSchemaVersion));

    public ParquetStateDocument? Read(string source)
    {
        var file = Path.Combine(States, source + ".json");
        lock (_gate)
        {
            return File.Exists(file) ? JsonSerializer.Deserialize(File.ReadAllBytes(file), ParquetJsonContext.Default.ParquetStateDocument) : null;
        }
    }

    public IEnumerable<ParquetStateDocument> ReadAll() =>
        Directory.EnumerateFiles(States, "*.json").Order(StringComparer.Ordinal)
            .Select(f => Read(Path.GetFileNameWithoutExtension(f)))
            .OfType<ParquetStateDocument>();

    /// <summary>Reads, changes and writes back a source's state, under one lock (sources of this process change their own files only).</summary>
    public ParquetStateDocument Update(string source, Action<ParquetStateDocument> change)
    {
        lock (_gate)
        {
            var state = Read(source) ?? throw new InvalidOperationException($"Source '{source}' has no state file.");
            change(state);
            Replace(Path.Combine(States, source + ".json"), JsonSerializer.SerializeToUtf8Bytes(state, ParquetJsonContext.Default.ParquetStateDocument));
            return state;
        }
    }

    public void CreateIfMissing(string source, string provider)
    {
        lock (_gate)
        {
            var file = Path.Combine(States, source + ".json");
            if (!File.Exists(file))
            {
                var state = new ParquetStateDocument { Source = source, Provider = provider };
                Replace(file, JsonSerializer.SerializeToUtf8Bytes(state, ParquetJsonContext.Default.ParquetStateDocument));
            }
        }
    }

    /// <summary>Writes the bytes next to the target and renames them over it (atomic on one file system).</summary>
    public void Replace(string target, byte[] content)
    {
        var temporary = Path.Combine(Temporary, Guid.NewGuid().ToString("N") + ".tmp");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, target, overwrite: true);
    }
}
