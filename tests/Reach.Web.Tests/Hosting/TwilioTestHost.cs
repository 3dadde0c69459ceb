using Reach.Bot.Channels.Twilio;
using Reach.Testing.Fakes;

namespace Reach.Web.Tests.Hosting;

/// <summary>The Reach host wired to a fake Twilio API, and SMS webhooks signed as Twilio signs them.</summary>
internal static class TwilioTestHost
{
    public const string PublicBase = "https://reach.example.org";
    public const string OurNumber = "+32400000000";

    public static ReachAppFactory Create(FakeTwilioServer twilio, ReachAppFactory? factory = null)
    {
        factory ??= new ReachAppFactory();
        factory.Settings["Twilio:AccountSid"] = FakeTwilioServer.AccountSid;
        factory.Settings["Twilio:AuthToken"] = FakeTwilioServer.AuthToken;
        factory.Settings["Twilio:BaseUrl"] = twilio.BaseUrl.ToString();
        factory.Settings["Twilio:SmsFrom"] = OurNumber;
        factory.Settings["Twilio:WhatsAppFrom"] = "whatsapp:" + OurNumber;
        factory.Settings["Twilio:PublicBaseUrl"] = PublicBase;
        return factory;
    }

    public static Dictionary<string, string> Sms(string from, string body, string sid) => new()
    {
        ["MessageSid"] = sid,
        ["AccountSid"] = FakeTwilioServer.AccountSid,
        ["From"] = from,
        ["To"] = OurNumber,
        ["Body"] = body,
    };

    /// <summary>A webhook request for this form, with Twilio's signature unless another is given.</summary>
    public static HttpRequestMessage Signed(Dictionary<string, string> form, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(TwilioEndpoints.MessagesPath, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Compute(FakeTwilioServer.AuthToken, PublicBase + TwilioEndpoints.MessagesPath, form));
        return request;
    }

    /// <summary>Posts a signed SMS and checks that Reach accepted it.</summary>
    public static async Task SendSmsAsync(HttpClient client, string from, string body, string sid)
    {
        using var request = Signed(Sms(from, body, sid));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
