using System.Globalization;
using CdrSdk.Tool.Terminal;
using CdrSdk.Tsg;
using CdrSdk.Voiso;

namespace CdrSdk.Tool.Export;

/// <summary>
/// The checks of <c>cdr export</c>'s arguments that need no network and no file: the range, the filters that apply
/// to the provider, and the <c>--type</c> values the provider knows (refused before sending, with the known values
/// listed, unless <c>--allow-unknown-values</c>). Also turns <c>--type</c> into each provider's value.
/// </summary>
internal static class ExportRules
{
    /// <summary>Telnyx's <c>--type</c> values: CDR reports or MDR reports (the tool's own words, not the provider's).</summary>
    public static readonly string[] TelnyxKinds = ["calls", "messages"];

    /// <exception cref="ExportException">An argument is not allowed; the message names it and what is.</exception>
    public static void Check(ExportSettings settings)
    {
        if (settings.Since >= settings.Until)
        {
            throw new ExportException($"--from must be before --to, but {Iso(settings.Since)} is not before {Iso(settings.Until)}.");
        }

        if (settings.ToStandardOutput && settings.Resume)
        {
            throw new ExportException("--resume needs --out to be a file: an export written to standard output (--out -) keeps no state and cannot be resumed.");
        }

        CheckFilters(settings);
    }

    /// <summary>The filter and <c>--type</c> checks alone (for <c>cdr sync</c>, whose range rules are its own).</summary>
    /// <exception cref="ExportException">A filter does not apply to the provider, or a type is unknown; the message names it and what is allowed.</exception>
    public static void CheckFilters(ExportSettings settings)
    {
        var filters = settings.Filters;
        Reject(settings.Provider, CdrProvider.Voiso, filters.Queues.Count > 0, "--queue");
        Reject(settings.Provider, CdrProvider.Telnyx, filters.Connections.Count > 0, "--connection");
        Reject(settings.Provider, CdrProvider.Tsg, filters.CompanyId is not null, "--company-id");
        Reject(settings.Provider, CdrProvider.Kazoo, filters.UserId is not null, "--user-id");
        switch (settings.Provider)
        {
            case CdrProvider.Telnyx:
                _ = TelnyxKind(settings);
                break;
            case CdrProvider.Voiso:
                _ = VoisoTypes(settings);
                break;
            case CdrProvider.Tsg:
                _ = TsgType(settings);
                break;
            default:
                if (filters.Types.Count > 0)
                {
                    throw new ExportException("--type is not used by kazoo: its CDRs are all call legs (filter by --user-id instead).");
                }

                break;
        }
    }

    /// <summary><c>calls</c> (the default) or <c>messages</c>.</summary>
    public static string TelnyxKind(ExportSettings settings) => settings.Filters.Types switch
    {
        [] => "calls",
        [var only] when TelnyxKinds.Contains(only.Trim(), StringComparer.OrdinalIgnoreCase) => only.Trim().ToLowerInvariant(),
        var types => throw new ExportException(
            $"--type for telnyx is calls (CDR reports) or messages (MDR reports), one of them, but was '{string.Join(", ", types)}'."),
    };

    /// <summary>The Voiso types to ask for, or <see langword="null"/> for every type.</summary>
    public static VoisoCdrType[]? VoisoTypes(ExportSettings settings)
    {
        var types = settings.Filters.Types;
        if (types.Count == 0)
        {
            return null;
        }

        var known = VoisoCdrType.Known.Select(t => t.Value).ToArray();
        return types.Select(t => new VoisoCdrType(Known(t.Trim().ToLowerInvariant(), known, "a Voiso record type", settings))).ToArray();
    }

    /// <summary>The one TSG type to ask for (<c>SMS</c> by default).</summary>
    public static TsgCdrType TsgType(ExportSettings settings)
    {
        var types = settings.Filters.Types;
        var known = TsgCdrType.Known.Select(t => t.Value).ToArray();
        return types.Count switch
        {
            0 => TsgCdrType.Sms,
            1 => new TsgCdrType(Known(types[0].Trim().ToUpperInvariant(), known, "a TSG record type", settings)),
            _ => throw new ExportException(
                $"--type: TSG exports one record type at a time ({OptionChecks.Alternatives(known)}), but {types.Count} were given."),
        };
    }

    private static string Known(string value, string[] known, string what, ExportSettings settings) =>
        settings.AllowUnknownValues || known.Contains(value, StringComparer.OrdinalIgnoreCase)
            ? value
            : throw new ExportException(
                $"--type '{value}' is not {what} this version knows: use {OptionChecks.Alternatives(known)}, or add --allow-unknown-values to send it as given.");

    private static void Reject(CdrProvider provider, CdrProvider owner, bool given, string option)
    {
        if (given && provider != owner)
        {
            throw new ExportException($"{option} applies to {Name(owner)} only, not to {Name(provider)}.");
        }
    }

    private static string Name(CdrProvider provider) => provider.ToString().ToLowerInvariant();

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
