using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CdrSdk.Emulator.Kazoo;

/// <summary>Renders legs as Kazoo renders them: the listing summary, the full CDR document, and a CSV row.</summary>
internal static class KazooDocuments
{
    /// <summary>The CSV columns of Kazoo 4.3, in order.</summary>
    public static readonly string[] CsvColumns =
    [
        "id", "call_id", "caller_id_number", "caller_id_name", "callee_id_number", "callee_id_name", "duration_seconds", "billing_seconds",
        "timestamp", "hangup_cause", "disposition", "other_leg_call_id", "owner_id", "to", "from", "direction", "request", "authorizing_id",
        "cost", "dialed_number", "calling_from", "datetime", "unix_timestamp", "rfc_1036", "iso_8601", "iso_8601_combined", "call_type",
        "rate", "rate_name", "bridge_id", "recording_url", "media_recordings", "media_server", "call_priority", "interaction_id",
    ];

    private const string Realm = "emulator.cdrsdk.test";

    public static JsonObject Summary(KazooLeg leg)
    {
        var json = new JsonObject();
        var values = SummaryValues(leg);
        foreach (var column in CsvColumns)
        {
            var value = values[column];
            json[column] = column switch
            {
                "duration_seconds" or "billing_seconds" or "timestamp" or "unix_timestamp" or "cost" => JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture)),
                _ => JsonValue.Create(value),
            };
        }

        return json;
    }

    public static string CsvHeader() => string.Join(',', CsvColumns);

    /// <summary>
    /// A CSV line as Kazoo 4.3 writes it (<c>cb_cdrs:normalize_cdr/3</c>): the values joined with commas, never
    /// quoted, so <c>rfc_1036</c> (<c>Fri, 20 Nov 2026 21:05:57 GMT</c>) puts one more cell in every line.
    /// </summary>
    public static string CsvRow(KazooLeg leg)
    {
        var values = SummaryValues(leg);
        return string.Join(',', CsvColumns.Select(c => values[c]));
    }

    public static JsonObject Document(KazooLeg leg)
    {
        var json = new JsonObject
        {
            ["id"] = leg.CdrId,
            ["_id"] = leg.CdrId,
            ["call_id"] = leg.CallId,
            ["app_name"] = "ecallmgr",
            ["app_version"] = "4.3.0",
            ["billing_seconds"] = leg.BillingSeconds.ToString(CultureInfo.InvariantCulture),
            ["call_direction"] = leg.CallDirection,
            ["callee_id_name"] = leg.CalleeIdName,
            ["callee_id_number"] = leg.CalleeIdNumber,
            ["caller_id_name"] = leg.CallerIdName,
            ["caller_id_number"] = leg.CallerIdNumber,
            ["custom_channel_vars"] = new JsonObject
            {
                ["account_id"] = leg.AccountId,
                ["owner_id"] = leg.OwnerId,
                ["authorizing_id"] = leg.OwnerId,
                ["authorizing_type"] = "device",
                ["bridge_id"] = leg.BridgeId,
                ["ecallmgr_node"] = "ecallmgr@emulator",
                ["realm"] = Realm,
                ["account_billing"] = "per_minute",
                ["rate"] = leg.Rate.ToString(CultureInfo.InvariantCulture),
                ["rate_name"] = leg.Rate > 0 ? "US-" + leg.Rate.ToString(CultureInfo.InvariantCulture) : null,
                ["global_resource"] = false,
            },
            ["custom_sip_headers"] = new JsonObject
            {
                ["X-Customer-Id"] = "cust-" + (leg.CallIndex % 50).ToString(CultureInfo.InvariantCulture),
                ["in"] = new JsonObject { ["X-Trace"] = "t-" + leg.CallId },
            },
            ["digits_dialed"] = leg.LegIndex == 0 ? "1#" : string.Empty,
            ["disposition"] = leg.LegIndex == 0 ? "SEND_BYE" : "RECV_BYE",
            ["duration_seconds"] = leg.DurationSeconds.ToString(CultureInfo.InvariantCulture),
            ["from"] = leg.CallerIdNumber + "@" + Realm,
            ["from_uri"] = leg.CallerIdNumber + "@" + Realm,
            ["hangup_cause"] = leg.HangupCause,
            ["hangup_code"] = leg.HangupCause == "NORMAL_CLEARING" ? "sip:200" : "sip:486",
            ["local_sdp"] = "v=0",
            ["media_server"] = "fs1.emulator",
            ["node"] = "ecallmgr@emulator",
            ["other_leg_call_id"] = leg.OtherLegCallId,
            ["other_leg_caller_id_name"] = leg.CalleeIdName,
            ["other_leg_caller_id_number"] = leg.CalleeIdNumber,
            ["other_leg_destination_number"] = leg.CalleeIdNumber,
            ["other_leg_direction"] = leg.CallDirection == "inbound" ? "outbound" : "inbound",
            ["presence_id"] = leg.CalleeIdNumber + "@" + Realm,
            ["remote_sdp"] = "v=0",
            ["request"] = leg.CalleeIdNumber + "@" + Realm,
            ["ringing_seconds"] = leg.RingingSeconds.ToString(CultureInfo.InvariantCulture),
            ["timestamp"] = leg.Timestamp,
            ["to"] = leg.CalleeIdNumber + "@" + Realm,
            ["to_uri"] = leg.CalleeIdNumber + "@" + Realm,
            ["user_agent"] = "Emulator/1.0",
            ["interaction_id"] = leg.InteractionId,
            ["interaction_time"] = leg.InteractionTime,
            ["interaction_key"] = leg.InteractionKey,
            ["pvt_type"] = "cdr",
        };
        if (leg.IsFax)
        {
            json["fax_bad_rows"] = "0";
            json["fax_ecm_used"] = "true";
            json["fax_result_code"] = "0";
            json["fax_result_text"] = "OK";
            json["fax_success"] = "true";
            json["fax_total_pages"] = "3";
            json["fax_transfer_rate"] = "14400";
            json["fax_transferred_pages"] = "3";
        }

        return json;
    }

    private static Dictionary<string, string> SummaryValues(KazooLeg leg)
    {
        var instant = KazooDataSet.Instant(leg.Timestamp);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = leg.CdrId,
            ["call_id"] = leg.CallId,
            ["caller_id_number"] = leg.CallerIdNumber,
            ["caller_id_name"] = leg.CallerIdName,
            ["callee_id_number"] = leg.CalleeIdNumber,
            ["callee_id_name"] = leg.CalleeIdName,
            ["duration_seconds"] = leg.DurationSeconds.ToString(CultureInfo.InvariantCulture),
            ["billing_seconds"] = leg.BillingSeconds.ToString(CultureInfo.InvariantCulture),
            ["timestamp"] = leg.Timestamp.ToString(CultureInfo.InvariantCulture),
            ["hangup_cause"] = leg.HangupCause,
            ["disposition"] = leg.LegIndex == 0 ? "SEND_BYE" : "RECV_BYE",
            ["other_leg_call_id"] = leg.OtherLegCallId ?? string.Empty,
            ["owner_id"] = leg.OwnerId,
            ["to"] = leg.CalleeIdNumber + "@" + Realm,
            ["from"] = leg.CallerIdNumber + "@" + Realm,
            ["direction"] = leg.CallDirection,
            ["request"] = leg.CalleeIdNumber + "@" + Realm,
            ["authorizing_id"] = leg.OwnerId,
            ["cost"] = leg.CostUnits.ToString(CultureInfo.InvariantCulture),
            ["dialed_number"] = leg.CalleeIdNumber,
            ["calling_from"] = leg.CallerIdNumber,
            ["datetime"] = instant.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["unix_timestamp"] = instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["rfc_1036"] = instant.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture),
            ["iso_8601"] = instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["iso_8601_combined"] = instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["call_type"] = "per_minute",
            ["rate"] = leg.Rate.ToString(CultureInfo.InvariantCulture),
            ["rate_name"] = leg.Rate > 0 ? "US-" + leg.Rate.ToString(CultureInfo.InvariantCulture) : string.Empty,
            ["bridge_id"] = leg.BridgeId,
            ["recording_url"] = string.Empty,
            ["media_recordings"] = string.Empty,
            ["media_server"] = "fs1.emulator",
            ["call_priority"] = string.Empty,
            ["interaction_id"] = leg.InteractionId,
        };
    }

    internal static string Md5(string text)
    {
#pragma warning disable CA5351 // Kazoo's user_auth protocol defines the credentials as an MD5 digest.
        return Convert.ToHexString(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
#pragma warning restore CA5351
    }
}
