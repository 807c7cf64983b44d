using System.Globalization;

namespace CdrSdk.Tool.Export;

/// <summary>
/// The arguments that decide what an export writes, as one line of text: provider, range, format, filters and
/// where the records come from. Never a credential. A resume must present the same identity.
/// </summary>
internal static class ExportIdentity
{
    public static string Of(ExportSettings settings, string target, string? kazooAccount)
    {
        var f = settings.Filters;
        var parts = new List<string>
        {
            "provider=" + settings.Provider.ToString().ToLowerInvariant(),
            "from=" + Time(settings.Since),
            "to=" + Time(settings.Until),
            "format=" + settings.Format.ToString().ToLowerInvariant(),
        };
        Add(parts, "type", f.Types);
        Add(parts, "queue", f.Queues);
        Add(parts, "connection", f.Connections);
        Add(parts, "company-id", f.CompanyId);
        Add(parts, "account-id", settings.Provider == CdrProvider.Kazoo ? f.AccountId ?? kazooAccount : null);
        Add(parts, "user-id", f.UserId);
        if (!settings.SpreadsheetSafe)
        {
            parts.Add("no-formula-escape");
        }

        parts.Add("source=" + target);
        return string.Join(' ', parts);
    }

    private static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void Add(List<string> parts, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            parts.Add(name + "=" + string.Join(',', values));
        }
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add(name + "=" + value);
        }
    }
}
