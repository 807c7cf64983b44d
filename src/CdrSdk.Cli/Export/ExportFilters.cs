namespace CdrSdk.Tool.Export;

/// <summary>The provider filters <c>cdr export</c> passes through (none of them secret).</summary>
internal sealed record ExportFilters
{
    /// <summary>
    /// <c>--type</c>: Telnyx <c>calls</c> (default) or <c>messages</c>; Voiso record types (all by default);
    /// TSG one record type (default <c>SMS</c>). Not used by Kazoo.
    /// </summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary><c>--queue</c>: Voiso queue ids.</summary>
    public IReadOnlyList<string> Queues { get; init; } = [];

    /// <summary><c>--connection</c>: Telnyx connection ids.</summary>
    public IReadOnlyList<string> Connections { get; init; } = [];

    /// <summary><c>--company-id</c>: TSG company (admins only).</summary>
    public string? CompanyId { get; init; }

    /// <summary><c>--account-id</c>: the Kazoo account (the emulator's first account by default there).</summary>
    public string? AccountId { get; init; }

    /// <summary><c>--user-id</c>: one Kazoo user's CDRs.</summary>
    public string? UserId { get; init; }
}
