namespace CdrSdk.Tool.Export;

/// <summary>
/// Opens the file <c>--out</c> names, before anything is sent, with one clear error for each way that can fail:
/// a folder, a folder that does not exist, a place that cannot be written. A file that did not exist is created
/// (empty) and reported as such, so a run that ends before writing anything can remove it again; an existing
/// file is opened without being cut, so it survives such a run unchanged.
/// </summary>
internal static class OutputFile
{
    /// <param name="file">The output.</param>
    /// <param name="mustExist">A resume: the file must be there already.</param>
    /// <param name="created">The file did not exist and was created now.</param>
    /// <exception cref="ExportException">The file cannot be opened for writing; the message says why.</exception>
    public static FileStream Open(FileInfo file, bool mustExist, out bool created)
    {
        var path = file.FullName;
        if (Directory.Exists(path))
        {
            throw new ExportException($"--out {path} is a folder: give a file name, for example {Path.Combine(path, "cdrs.csv")}.");
        }

        var folder = Path.GetDirectoryName(path);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new ExportException($"--out {path}: the folder {folder} does not exist; create it first or choose another place.");
        }

        var existed = File.Exists(path);
        try
        {
            var stream = new FileStream(path, mustExist ? FileMode.Open : FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 64 * 1024);
            created = !existed;
            return stream;
        }
        catch (FileNotFoundException ex)
        {
            throw new ExportException($"--out {path} cannot be created: {folder} does not accept new files ({ex.Message})", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ExportException($"--out {path} cannot be written: permission denied ({ex.Message}).", ex);
        }
        catch (IOException ex)
        {
            throw new ExportException($"--out {path} cannot be written: {ex.Message}", ex);
        }
    }
}
