using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CdrSdk.Emulator.Kazoo;

/// <summary>
/// A leg's listing summary (<c>cb_cdrs:normalize_cdr/3</c>): the 35 columns of the JSON listing and of the CSV, in
/// order. The values are produced once, here, and handed to a sink, so the JSON and CSV writers cannot drift apart,
/// and a listing page costs no dictionary or JSON node per leg (the emulator shares the machine with the SDK it serves).
/// </summary>
internal static class KazooSummary
{
    /// <summary>The columns of Kazoo 4.3, in order.</summary>
    public static readonly string[] Columns =
    [
        "id", "call_id", "caller_id_number", "caller_id_name", "callee_id_number", "callee_id_name", "duration_seconds", "billing_seconds",
        "timestamp", "hangup_cause", "disposition", "other_leg_call_id", "owner_id", "to", "from", "direction", "request", "authorizing_id",
        "cost", "dialed_number", "calling_from", "datetime", "unix_timestamp", "rfc_1036", "iso_8601", "iso_8601_combined", "call_type",
        "rate", "rate_name", "bridge_id", "recording_url", "media_recordings", "media_server", "call_priority", "interaction_id",
    ];

    private static readonly JsonEncodedText[] JsonNames = Array.ConvertAll(Columns, c => JsonEncodedText.Encode(c));

    /// <summary>Hands the leg's columns to <paramref name="sink"/> in order.</summary>
    public static void Write<TSink>(KazooLeg leg, ref TSink sink)
        where TSink : struct, IKazooSummarySink
    {
        Span<char> buffer = stackalloc char[96];
        var instant = KazooDataSet.Instant(leg.Timestamp);
        var column = 0;
        sink.Text(column++, leg.CdrId);
        sink.Text(column++, leg.CallId);
        sink.Text(column++, leg.CallerIdNumber);
        sink.Text(column++, leg.CallerIdName);
        sink.Text(column++, leg.CalleeIdNumber);
        sink.Text(column++, leg.CalleeIdName);
        sink.Number(column++, leg.DurationSeconds);
        sink.Number(column++, leg.BillingSeconds);
        sink.Number(column++, leg.Timestamp);
        sink.Text(column++, leg.HangupCause);
        sink.Text(column++, leg.LegIndex == 0 ? "SEND_BYE" : "RECV_BYE");
        sink.Text(column++, leg.OtherLegCallId);
        sink.Text(column++, leg.OwnerId);
        sink.Text(column++, AtRealm(buffer, leg.CalleeIdNumber));
        sink.Text(column++, AtRealm(buffer, leg.CallerIdNumber));
        sink.Text(column++, leg.CallDirection);
        sink.Text(column++, AtRealm(buffer, leg.CalleeIdNumber));
        sink.Text(column++, leg.OwnerId);
        sink.Number(column++, leg.CostUnits);
        sink.Text(column++, leg.CalleeIdNumber);
        sink.Text(column++, leg.CallerIdNumber);
        sink.Text(column++, Format(buffer, instant, "yyyy-MM-dd HH:mm:ss"));
        sink.Number(column++, instant.ToUnixTimeSeconds());
        sink.Text(column++, Format(buffer, instant, "ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        sink.Text(column++, Format(buffer, instant, "yyyy-MM-dd"));
        sink.Text(column++, Format(buffer, instant, "yyyy-MM-dd'T'HH:mm:ss'Z'"));
        sink.Text(column++, "per_minute");
        sink.Text(column++, Rate(buffer, leg.Rate));
        sink.Text(column++, leg.Rate > 0 ? RateName(buffer, leg.Rate) : []);
        sink.Text(column++, leg.BridgeId);
        sink.Text(column++, []);
        sink.Text(column++, []);
        sink.Text(column++, "fs1.emulator");
        sink.Text(column++, []);
        sink.Text(column, InteractionId(buffer, leg));
    }

    /// <summary>Writes the leg's summary as one JSON object.</summary>
    public static void WriteJson(Utf8JsonWriter writer, KazooLeg leg)
    {
        writer.WriteStartObject();
        var sink = new JsonSink(writer);
        Write(leg, ref sink);
        writer.WriteEndObject();
    }

    /// <summary>The leg's CSV line as Kazoo 4.3 writes it: the values joined with commas, never quoted.</summary>
    public static string CsvRow(KazooLeg leg)
    {
        var sink = new CsvSink(new StringBuilder(512));
        Write(leg, ref sink);
        return sink.Line.ToString();
    }

    private static ReadOnlySpan<char> AtRealm(Span<char> buffer, string number)
    {
        number.AsSpan().CopyTo(buffer);
        buffer[number.Length] = '@';
        KazooDocuments.Realm.AsSpan().CopyTo(buffer[(number.Length + 1)..]);
        return buffer[..(number.Length + 1 + KazooDocuments.Realm.Length)];
    }

    private static ReadOnlySpan<char> Format(Span<char> buffer, DateTimeOffset instant, string format) =>
        instant.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture) ? buffer[..written] : throw new FormatException(format);

    private static ReadOnlySpan<char> Rate(Span<char> buffer, decimal rate) =>
        rate.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture) ? buffer[..written] : throw new FormatException();

    private static ReadOnlySpan<char> RateName(Span<char> buffer, decimal rate)
    {
        buffer[0] = 'U';
        buffer[1] = 'S';
        buffer[2] = '-';
        return buffer[..(3 + Rate(buffer[3..], rate).Length)];
    }

    private static ReadOnlySpan<char> InteractionId(Span<char> buffer, KazooLeg leg)
    {
        var written = leg.InteractionTime.TryFormat(buffer, out var digits, default, CultureInfo.InvariantCulture) ? digits : throw new FormatException();
        buffer[written++] = '-';
        leg.InteractionKey.AsSpan().CopyTo(buffer[written..]);
        return buffer[..(written + leg.InteractionKey.Length)];
    }

    private readonly struct JsonSink(Utf8JsonWriter writer) : IKazooSummarySink
    {
        public void Text(int column, ReadOnlySpan<char> value) => writer.WriteString(JsonNames[column], value);

        public void Number(int column, long value) => writer.WriteNumber(JsonNames[column], value);
    }

    private readonly struct CsvSink(StringBuilder line) : IKazooSummarySink
    {
        public StringBuilder Line => line;

        public void Text(int column, ReadOnlySpan<char> value) => Separate(column).Append(value);

        public void Number(int column, long value) => Separate(column).Append(CultureInfo.InvariantCulture, $"{value}");

        private StringBuilder Separate(int column) => column == 0 ? line : line.Append(',');
    }
}
