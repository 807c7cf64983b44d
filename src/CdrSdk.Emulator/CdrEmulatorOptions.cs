namespace CdrSdk.Emulator;

/// <summary>Settings of a <see cref="CdrEmulator"/>. Every default works out of the box.</summary>
public sealed class CdrEmulatorOptions
{
    /// <summary>The loopback address to listen on. Default <c>127.0.0.1</c>; only loopback addresses are accepted.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The API port; 0 (default) picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The port of the second origin that serves report downloads; 0 (default) picks a free port.</summary>
    public int DownloadPort { get; set; }

    /// <summary>
    /// The seed of the generated data set: the same seed gives the same records. It also derives the keys that sign
    /// cursors and export links, so those stay valid across restarts with the same seed. Default 42.
    /// </summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// A provider-style rate limit on the API origin: beyond <see cref="RateLimitBurst"/> requests at once, more
    /// than this many per second are answered 429 with <c>Retry-After: 1</c>. <see langword="null"/> (default): no limit.
    /// </summary>
    public double? RateLimitPerSecond { get; set; }

    /// <summary>How many requests the rate limit lets through at once. Default 5.</summary>
    public int RateLimitBurst { get; set; } = 5;

    /// <summary>
    /// A directory where the emulator keeps the Telnyx report requests it receives, so a restarted emulator still
    /// answers for them (and a client can resume a saved report id). <see langword="null"/> (default) keeps them in
    /// memory only.
    /// </summary>
    public string? StateDirectory { get; set; }

    /// <summary>How many calls the data set holds per hour (evenly spread, deterministic). Default 40.</summary>
    public int CallsPerHour { get; set; } = 40;

    /// <summary>How many messages the data set holds per hour. Default 60.</summary>
    public int MessagesPerHour { get; set; } = 60;

    /// <summary>How long a Telnyx report stays pending before it completes. Default 2 s.</summary>
    public TimeSpan ReportCompletionDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The Telnyx key the emulator accepts: v1 <c>x-api-token</c> or <c>Authorization: Token</c>, v2 <c>Bearer</c>.</summary>
    public string TelnyxApiKey { get; set; } = "KEY-emulator-telnyx";

    /// <summary>The Telnyx v1 user the emulator accepts in <c>x-api-user</c>.</summary>
    public string TelnyxApiUser { get; set; } = "emulator@cdrsdk.test";

    /// <summary>The Kazoo API key the emulator accepts at <c>PUT /v2/api_auth</c>.</summary>
    public string KazooApiKey { get; set; } = "emulator-kazoo-api-key-0123456789";

    /// <summary>The Kazoo user name the emulator accepts at <c>PUT /v2/user_auth</c>.</summary>
    public string KazooUsername { get; set; } = "emulator-user";

    /// <summary>The Kazoo password the emulator accepts (as <c>md5(user:password)</c>).</summary>
    public string KazooPassword { get; set; } = "emulator-password";

    /// <summary>The Kazoo account name the emulator accepts with the user credentials.</summary>
    public string KazooAccountName { get; set; } = "emulator-account";

    /// <summary>A Kazoo token accepted without logging in (never expires). Default: one fixed token.</summary>
    public string? KazooStaticToken { get; set; } = "emulator-kazoo-static-token-0123456789";

    /// <summary>How long tokens from <c>api_auth</c>/<c>user_auth</c> stay valid. Default 1 hour.</summary>
    public TimeSpan KazooTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The Voiso API key the emulator accepts as <c>Authorization: Bearer</c>.</summary>
    public string VoisoApiKey { get; set; } = "emulator-voiso-api-key-0123456789";

    /// <summary>How long a Voiso cursor stays valid. Default 15 minutes.</summary>
    public TimeSpan VoisoCursorLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>When the Voiso list hands out <c>next_cursor</c>. Default <see cref="VoisoCursorMode.Always"/>.</summary>
    public VoisoCursorMode VoisoCursorMode { get; set; }

    /// <summary>The name of the Voiso list's array: <c>items</c> (default) or <c>data</c> (the docs are unsure).</summary>
    public string VoisoListProperty { get; set; } = "items";

    /// <summary>The TSG account email the emulator accepts at <c>/account/login</c>.</summary>
    public string TsgEmail { get; set; } = "emulator@tsg.test";

    /// <summary>The TSG password the emulator accepts at <c>/account/login</c>.</summary>
    public string TsgPassword { get; set; } = "emulator-tsg-password";

    /// <summary>A TSG token accepted without logging in (never expires).</summary>
    public string? TsgStaticToken { get; set; } = "emulator-tsg-static-token-0123456789";

    /// <summary>How long TSG tokens from <c>/account/login</c> stay valid. Default 7 days.</summary>
    public TimeSpan TsgTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How the emulated TSG refuses a token it issued that has expired (or was expired with <c>ExpireTsgTokens</c>):
    /// <see langword="false"/> (the default) answers HTTP 401 like a missing token; <see langword="true"/> answers
    /// HTTP 200 with a GraphQL error whose <c>extensions.code</c> is <c>UNAUTHENTICATED</c>, as TSG does.
    /// </summary>
    public bool TsgExpiredTokenAsGraphQLError { get; set; }

    /// <summary>
    /// The clock of the emulator (report completion, the 24-hour rule, token and cursor expiry, and in live mode
    /// which records exist). Default: the system clock.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Live mode: records arrive with <see cref="TimeProvider"/> (nothing from the future), some late, some changed
    /// after they first appeared; every provider emulation serves the same records at the same instant.
    /// <see langword="null"/> (default): every record exists at every instant and never changes.
    /// </summary>
    public EmulatorLiveOptions? Live { get; set; }

    /// <summary>Whether ASP.NET Core logs to the console (to standard error, every level). Default <see langword="false"/>.</summary>
    public bool EnableConsoleLogging { get; set; }
}
