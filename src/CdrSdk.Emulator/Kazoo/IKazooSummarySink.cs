namespace CdrSdk.Emulator.Kazoo;

/// <summary>Receives a leg's listing summary one column at a time, in <see cref="KazooSummary.Columns"/> order.</summary>
internal interface IKazooSummarySink
{
    /// <summary>A text column.</summary>
    void Text(int column, ReadOnlySpan<char> value);

    /// <summary>A column Kazoo's JSON listing sends as a number.</summary>
    void Number(int column, long value);
}
