using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CdrSdk.Emulator.Kazoo;

/// <summary>Renders legs as Kazoo renders them: the full CDR document (the listing summary and CSV row are <see cref="KazooSummary"/>).</summary>
internal static class KazooDocuments
{
    /// <summary>The SIP realm of the emulator's accounts.</summary>
    public const string Realm = "emulator.cdrsdk.test";

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

    internal static string Md5(string text)
    {
#pragma warning disable CA5351 // Kazoo's user_auth protocol defines the credentials as an MD5 digest.
        return Convert.ToHexString(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
#pragma warning restore CA5351
    }
}
