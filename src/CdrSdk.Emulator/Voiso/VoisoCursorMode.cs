namespace CdrSdk.Emulator;

/// <summary>When the Voiso emulation hands out <c>metadata.next_cursor</c>.</summary>
public enum VoisoCursorMode
{
    /// <summary>On every page that has more records after it.</summary>
    Always = 0,

    /// <summary>Only once offset paging reaches the 10,000-record limit (and then on every cursor page).</summary>
    AtOffsetLimit = 1,
}
