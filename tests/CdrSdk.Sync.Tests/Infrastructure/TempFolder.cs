namespace CdrSdk.Sync.Tests.Infrastructure;

/// <summary>A fresh folder under the temporary directory, deleted with everything in it at the end.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cdrsdk-sync-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a dying child process; the folder is in the temporary directory anyway.
        }
    }
}
