using System.Net;
using System.Text;
using Reach.Bot.Channels.Twilio;
using Reach.Testing.Fakes;

namespace Reach.Web.Tests.Hosting;

/// <summary>Messages from Telegram and Twilio through the real webhooks, worker and senders, against fake APIs.</summary>
public class ChannelWebhookTests
{
    private static Dictionary<string, string> Twilio(string from, string body, string sid) => TwilioTestHost.Sms(from, body, sid);

    private static HttpRequestMessage Signed(Dictionary<string, string> form, string? signature = null) => TwilioTestHost.Signed(form, signature);

    private static ReachAppFactory TwilioHost(FakeTwilioServer twilio) => TwilioTestHost.Create(twilio);

    [Fact]
    public async Task A_signed_SMS_is_answered_by_SMS_with_a_numbered_menu_and_a_reply_number_chooses()
    {
        await using var twilio = FakeTwilioServer.Start();
        await using var factory = TwilioHost(twilio);
        using var client = factory.CreateClient();

        using var first = await client.SendAsync(Signed(Twilio("+380671234567", "привіт", "SM001")), TestContext.Current.CancellationToken);
        var greeting = await twilio.WaitForMessagesAsync(4, TimeSpan.FromSeconds(30));
        using var second = await client.SendAsync(Signed(Twilio("+380671234567", "2", "SM002")), TestContext.Current.CancellationToken);
        var afterChoice = await twilio.WaitForMessagesAsync(5, TimeSpan.FromSeconds(30));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");
        greeting.Count.ShouldBe(4);
        greeting.ShouldAllBe(m => m["To"] == "+380671234567" && m["From"] == "+32400000000");
        greeting[1]["Body"].ShouldBe("Вам зручна українська? Оберіть мову:\n1. Français\n2. العربية\n3. Українська\n4. Español\n5. English");
        // "2" picks the second entry of the last menu sent, the main menu: workshops and courses.
        afterChoice[4]["Body"].ShouldStartWith("Найближчим часом:\n- Кава та сніданок: у вівторок, 24 листопада, 09:00–11:00");
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("wrong-url")]
    [InlineData("missing")]
    public async Task A_request_not_signed_by_Twilio_is_refused_and_nothing_is_sent(string kind)
    {
        await using var twilio = FakeTwilioServer.Start();
        await using var factory = TwilioHost(twilio);
        using var client = factory.CreateClient();
        var form = Twilio("+32470123456", "bonjour", "SM100");
        var signature = kind switch
        {
            "wrong-url" => TwilioSignature.Compute(FakeTwilioServer.AuthToken, "https://attacker.example" + TwilioEndpoints.MessagesPath, form),
            "missing" => "",
            _ => null,
        };
        using var request = Signed(form, signature);
        if (kind == "tampered")
        {
            form["Body"] = "STOP";
            request.Content = new FormUrlEncodedContent(form);
        }

        if (kind == "missing")
        {
            request.Headers.Remove("X-Twilio-Signature");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await twilio.WaitForMessagesAsync(1, TimeSpan.FromSeconds(1))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_delivery_repeated_by_Twilio_is_processed_once()
    {
        await using var twilio = FakeTwilioServer.Start();
        await using var factory = TwilioHost(twilio);
        using var client = factory.CreateClient();

        using var once = await client.SendAsync(Signed(Twilio("+32470123457", "bonjour", "SM200")), TestContext.Current.CancellationToken);
        using var again = await client.SendAsync(Signed(Twilio("+32470123457", "bonjour", "SM200")), TestContext.Current.CancellationToken);
        await twilio.WaitForMessagesAsync(4, TimeSpan.FromSeconds(30));
        var sent = await twilio.WaitForMessagesAsync(8, TimeSpan.FromSeconds(2));

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        sent.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_Telegram_update_with_the_right_secret_is_answered_with_buttons_and_a_wrong_secret_changes_nothing()
    {
        await using var telegram = FakeTelegramServer.Start();
        await using var factory = new ReachAppFactory();
        factory.Settings["Telegram:BotToken"] = telegram.Token;
        factory.Settings["Telegram:BaseUrl"] = telegram.BaseUrl.ToString();
        factory.Settings["Telegram:Mode"] = "Webhook";
        factory.Settings["Telegram:WebhookSecret"] = "right-secret";
        using var client = factory.CreateClient();
        const string update = """{"update_id": 900001, "message": {"message_id": 1, "date": 1700000000, "chat": {"id": 4242, "type": "private"}, "from": {"id": 4242, "is_bot": false, "first_name": "Olena", "language_code": "uk"}, "text": "коли працює соціальна служба?"}}""";

        using var wrong = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/telegram", UriKind.Relative)) { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        wrong.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "wrong-secret");
        using var refused = await client.SendAsync(wrong, TestContext.Current.CancellationToken);
        using var right = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/telegram", UriKind.Relative)) { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        right.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "right-secret");
        using var accepted = await client.SendAsync(right, TestContext.Current.CancellationToken);

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var until = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (telegram.RequestsTo("sendMessage").Count < 5 && TimeProvider.System.GetUtcNow() < until)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var sends = telegram.RequestsTo("sendMessage");
        sends.Count.ShouldBe(5);
        sends[0].Body.ShouldContain("\"chat_id\":4242");
        sends[0].Body.ShouldContain("Вітаю Olena!");
        sends[1].Body.ShouldContain("\"callback_data\":\"lang:uk\"");
        sends[4].Body.ShouldContain("Прийом соціальної працівниці");
    }
}
