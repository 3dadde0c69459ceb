using System.ComponentModel.DataAnnotations;

namespace Reach.Bot.Channels.Twilio;

/// <summary>SMS and WhatsApp through Twilio, bound from section <c>Twilio</c>. Empty credentials turn both off.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>The account SID (<c>AC…</c>). Empty: SMS and WhatsApp replies go to the local outbox.</summary>
    public string AccountSid { get; set; } = "";

    /// <summary>The auth token: signs Twilio's requests and authenticates ours. A secret: never logged.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>The REST API. Default <c>https://api.twilio.com</c>; tests point it at a fake server.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>The SMS sender: an E.164 number, or empty to use <see cref="MessagingServiceSid"/>.</summary>
    public string SmsFrom { get; set; } = "";

    /// <summary>A Messaging Service (<c>MG…</c>) to send SMS from, instead of a number.</summary>
    public string MessagingServiceSid { get; set; } = "";

    /// <summary>The WhatsApp sender, <c>whatsapp:+32…</c>.</summary>
    public string WhatsAppFrom { get; set; } = "";

    /// <summary>The approved template (ContentSid, <c>HX…</c>) used outside WhatsApp's 24-hour window.</summary>
    public string WhatsAppTemplateSid { get; set; } = "";

    /// <summary>
    /// The public base URL Twilio calls (e.g. <c>https://reach.example.org</c>), used to check request
    /// signatures behind a proxy.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How many SMS segments one reply may use; longer replies are cut at a sentence. Default 3.</summary>
    [Range(1, 10)]
    public int SmsSegmentBudget { get; set; } = 3;

    public bool Enabled => AccountSid.Length > 0 && AuthToken.Length > 0;
}
