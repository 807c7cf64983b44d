namespace CdrSdk.Kazoo;

/// <summary>
/// What a Kazoo CSV column can hold, as crossbar writes it (<c>cb_cdrs.erl</c>/<c>kzd_cdrs.erl</c>): enough to
/// tell where the unquoted commas of an over-long line belong, never so strict that a value Kazoo writes is refused.
/// Every shape accepts an empty cell (Kazoo writes <c>&lt;&lt;&gt;&gt;</c> for a missing value).
/// </summary>
internal enum KazooCsvColumnShape
{
    /// <summary>Free text that may contain commas (names, URLs, lists, and every column this SDK does not know).</summary>
    Text = 0,

    /// <summary>One cell without whitespace: ids, call ids, SIP URIs, hangup causes, directions, host names.</summary>
    Token,

    /// <summary>One cell without leading or trailing whitespace: caller and callee numbers (which may be SIP users).</summary>
    Trimmed,

    /// <summary>One cell of an optional sign and digits.</summary>
    Integer,

    /// <summary>One cell of a number: digits with an optional sign, point and exponent (Erlang prints floats so).</summary>
    Number,

    /// <summary>One cell starting with a digit: <c>datetime</c>, <c>iso_8601</c>, <c>iso_8601_combined</c>.</summary>
    Temporal,

    /// <summary><c>rfc_1036</c>: <c>Fri, 20 Nov 2026 21:05:57 GMT</c>, always two cells when unquoted.</summary>
    Rfc1036,
}
