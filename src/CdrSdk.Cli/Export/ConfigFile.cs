using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace CdrSdk.Tool.Export;

/// <summary>
/// Reads a <c>--config</c> file: JSON in the <see cref="CdrClientOptions"/> shape, at the root or under <c>"Cdr"</c>.
/// A missing file, a folder, JSON that does not parse (a truncated file), a misspelled setting and a value of the
/// wrong type are each one error naming the file and what is wrong.
/// </summary>
internal static partial class ConfigFile
{
    /// <exception cref="ExportException">The file cannot be used; the message says why.</exception>
    public static CdrClientOptions Read(FileInfo file)
    {
        var configuration = Section(file, "Cdr");
        var options = new CdrClientOptions();
        Bind(file, () => configuration.Bind(options, o => o.ErrorOnUnknownConfiguration = true));
        return options;
    }

    /// <summary>
    /// The section <paramref name="name"/> of the JSON file, or its root when it has no such section (so both an
    /// appsettings.json and a file of that section alone work).
    /// </summary>
    /// <exception cref="ExportException">The file is missing, a folder, unreadable or not valid JSON.</exception>
    public static IConfiguration Section(FileInfo file, string name)
    {
        var path = file.FullName;
        if (Directory.Exists(path))
        {
            throw new ExportException($"--config {path} is a folder, not a JSON file.");
        }

        if (!file.Exists)
        {
            throw new ExportException($"--config {path} does not exist.");
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false).Build();
        }
        catch (InvalidDataException ex)
        {
            var json = Causes(ex).OfType<JsonException>().FirstOrDefault();
            var detail = json?.Message ?? ex.Message;
            throw new ExportException($"--config {path} is not valid JSON ({detail}); is it complete?", ex);
        }
        catch (IOException ex)
        {
            throw new ExportException($"--config {path} cannot be read: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ExportException($"--config {path} cannot be read: permission denied.", ex);
        }

        var section = configuration.GetSection(name);
        return section.Exists() ? section : configuration;
    }

    /// <summary>Runs a binding of <paramref name="file"/>'s settings, turning the binder's failures into one error naming the file and the setting.</summary>
    /// <exception cref="ExportException">A setting is unknown or of the wrong type.</exception>
    public static void Bind(FileInfo file, Action bind)
    {
        try
        {
            bind();
        }
        catch (InvalidOperationException ex)
        {
            throw new ExportException($"--config {file.FullName}: {Explain(ex)}", ex);
        }
    }

    // The binder says "Failed to convert configuration value 'five' at 'Cdr:Resilience:MaxRetries' to type 'System.Int32'."
    // or "... the following properties were not found on the instance of CdrSdk.Tsg.TsgOptions: 'Pasword'".
    private static string Explain(InvalidOperationException ex)
    {
        var unknown = UnknownSettings().Match(ex.Message);
        if (unknown.Success)
        {
            var type = unknown.Groups["type"].Value;
            return $"{type[(type.LastIndexOf('.') + 1)..]} has no setting {unknown.Groups["names"].Value}: check the spelling.";
        }

        return ex.InnerException is { } inner && ex.Message.StartsWith("Failed to convert", StringComparison.Ordinal)
            ? $"{ex.Message} {inner.Message}"
            : ex.Message;
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    [GeneratedRegex(@"not found on the instance of (?<type>[\w.]+): (?<names>.+)$", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnknownSettings();
}
