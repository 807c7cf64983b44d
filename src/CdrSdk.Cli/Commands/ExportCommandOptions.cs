using System.CommandLine;
using CdrSdk.Tool.Export;
using CdrSdk.Tool.Terminal;

namespace CdrSdk.Tool.Commands;

/// <summary>The options of <c>cdr export</c>, and how a parse result becomes <see cref="ExportSettings"/>.</summary>
internal sealed class ExportCommandOptions
{
    public ExportCommandOptions()
    {
        OptionChecks.AcceptOnly(Provider, "telnyx", "voiso", "tsg", "kazoo");
        OptionChecks.AcceptOnly(Format, "csv", "jsonl");
    }

    public Option<string> Provider { get; } = new("--provider", "-p") { Description = "Where the records come from.", Required = true };

    public Option<DateTimeOffset> From { get; } = new("--from")
    {
        Description = "Start of the range, inclusive: 2026-10-01 or 2026-10-01T08:00:00Z (UTC unless an offset is given).",
        Required = true,
        CustomParser = ExportCommand.ParseTime,
        HelpName = "time",
    };

    public Option<DateTimeOffset> To { get; } = new("--to") { Description = "End of the range, exclusive.", Required = true, CustomParser = ExportCommand.ParseTime, HelpName = "time" };

    public Option<FileInfo> Output { get; } = new("--out", "-o")
    {
        Description = "The file to write, or - for standard output; a file's state file ({out}.cdr-state.json) sits next to it while the export is unfinished.",
        DefaultValueFactory = _ => new FileInfo("cdrs.csv"),
    };

    public Option<string?> Format { get; } = new("--format", "-f") { Description = "csv (default; jsonl when --out ends in .jsonl)." };

    public Option<bool> Resume { get; } = new("--resume") { Description = "Continue an interrupted export of --out from where it stopped (same arguments)." };

    public Option<bool> Emulator { get; } = new("--emulator") { Description = "Use the embedded emulator even when credentials are set (it is used anyway when none are)." };

    public Option<FileInfo?> Config { get; } = new("--config")
    {
        Description = "A JSON file in the CdrClientOptions shape (at the root or under \"Cdr\"); the environment and the options here win over it.",
    };

    public Option<Uri?> BaseUrl { get; } = new("--base-url") { Description = "The provider's API address.", CustomParser = ExportCommand.ParseUrl, HelpName = "url" };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "Telnyx key (v2) or token (v1), Voiso key, TSG token, or Kazoo API key. Env: TELNYX_API_KEY, VOISO_API_KEY, TSG_API_KEY, KAZOO_API_KEY.",
    };

    public Option<string?> ApiUser { get; } = new("--api-user") { Description = "Telnyx v1: the account email (env TELNYX_API_USER)." };

    public Option<string?> ApiVersion { get; } = new("--api-version") { Description = "Telnyx: V1 (default) or V2 (env TELNYX_API_VERSION)." };

    public Option<string?> Cluster { get; } = new("--cluster") { Description = "Voiso: the cluster id, https://{cluster}.voiso.com (env VOISO_CLUSTER)." };

    public Option<string?> AuthToken { get; } = new("--auth-token") { Description = "Kazoo: a ready X-Auth-Token (env KAZOO_AUTH_TOKEN)." };

    public Option<string?> Email { get; } = new("--email") { Description = "TSG: login email (env TSG_EMAIL)." };

    public Option<string?> Username { get; } = new("--username") { Description = "Kazoo: user login (env KAZOO_USERNAME)." };

    public Option<string?> Password { get; } = new("--password") { Description = "TSG or Kazoo: login password (env TSG_PASSWORD, KAZOO_PASSWORD)." };

    public Option<string?> AccountName { get; } = new("--account-name") { Description = "Kazoo: the account name of the user login (env KAZOO_ACCOUNT_NAME)." };

    public Option<string[]> Type { get; } = new("--type")
    {
        Description = "Telnyx: calls (default) or messages. Voiso: call, sms, conversation, hlr_lookup (several allowed). TSG: SMS (default), MMS, VOICE or API.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string[]> Queue { get; } = new("--queue") { Description = "Voiso: queue ids.", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Connection { get; } = new("--connection") { Description = "Telnyx: connection ids.", AllowMultipleArgumentsPerToken = true };

    public Option<string?> CompanyId { get; } = new("--company-id") { Description = "TSG: another company's records (admins)." };

    public Option<string?> AccountId { get; } = new("--account-id") { Description = "Kazoo: the account to export (env KAZOO_ACCOUNT_ID; the emulator's first account when emulated)." };

    public Option<string?> UserId { get; } = new("--user-id") { Description = "Kazoo: one user's CDRs." };

    public Option<int?> PageSize { get; } = new("--page-size")
    {
        Description = "Records per request, 1 to 1000 (default: the provider's).",
        CustomParser = OptionChecks.OptionalInteger(1, 1000),
        HelpName = "1-1000",
    };

    public Option<bool> AllowUnknownValues { get; } = new("--allow-unknown-values")
    {
        Description = "Send --type values this version does not know (a type the provider added since) instead of refusing them.",
    };

    public Option<bool> NoFormulaEscape { get; } = new("--no-formula-escape") { Description = "Write CSV cells as they are, even those a spreadsheet would run as formulas." };

    public IEnumerable<Option> All =>
    [
        Provider, From, To, Output, Format, Resume, Emulator, Config, BaseUrl, ApiKey, ApiUser, ApiVersion, Cluster, AuthToken, Email, Username, Password,
        AccountName, Type, Queue, Connection, CompanyId, AccountId, UserId, PageSize, AllowUnknownValues, NoFormulaEscape,
    ];

    public ExportSettings Bind(ParseResult parse, ProviderEnvironment environment)
    {
        var output = parse.GetValue(Output)!;
        var toStandardOutput = parse.GetResult(Output)?.Tokens is [{ Value: "-" }];
        return new ExportSettings
        {
            Provider = Enum.Parse<CdrProvider>(parse.GetValue(Provider)!, ignoreCase: true),
            Since = parse.GetValue(From),
            Until = parse.GetValue(To),
            Format = ExportCommand.FormatOf(parse.GetValue(Format), output),
            Output = output,
            ToStandardOutput = toStandardOutput,
            AllowUnknownValues = parse.GetValue(AllowUnknownValues),
            Resume = parse.GetValue(Resume),
            UseEmulator = parse.GetValue(Emulator),
            ConfigFile = parse.GetValue(Config),
            BaseUrl = parse.GetValue(BaseUrl),
            PageSize = parse.GetValue(PageSize),
            SpreadsheetSafe = !parse.GetValue(NoFormulaEscape),
            Filters = new ExportFilters
            {
                Types = parse.GetValue(Type) ?? [],
                Queues = parse.GetValue(Queue) ?? [],
                Connections = parse.GetValue(Connection) ?? [],
                CompanyId = parse.GetValue(CompanyId),
                AccountId = parse.GetValue(AccountId) ?? environment.Get("KAZOO_ACCOUNT_ID"),
                UserId = parse.GetValue(UserId),
            },
            Credentials = new ExportCredentials
            {
                ApiKey = parse.GetValue(ApiKey),
                ApiUser = parse.GetValue(ApiUser),
                ApiVersion = parse.GetValue(ApiVersion),
                Cluster = parse.GetValue(Cluster),
                AuthToken = parse.GetValue(AuthToken),
                Email = parse.GetValue(Email),
                Username = parse.GetValue(Username),
                Password = parse.GetValue(Password),
                AccountName = parse.GetValue(AccountName),
            },
        };
    }
}
