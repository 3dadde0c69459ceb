using System.Collections.Concurrent;
using System.Net;
using Reach.Testing.Fakes;

namespace Reach.Web.Tests.Hosting;

/// <summary>
/// No phone numbers and no message texts in the logs: a whole conversation (including a safety message,
/// a forget-me request and a refused webhook) goes through the real host while every log line, at every
/// level, is captured and searched.
/// </summary>
public class LogHygieneTests
{
    private const string Phone = "+32470987654";

    [Fact]
    public async Task A_conversation_by_SMS_leaves_neither_the_number_nor_the_words_in_the_logs()
    {
        await using var twilio = FakeTwilioServer.Start();
        var captured = new ConcurrentQueue<string>();
        await using var factory = TwilioTestHost.Create(twilio, new CapturedLogsAppFactory(captured));
        using var client = factory.CreateClient();
        string[] words =
        [
            "bonjour je m'appelle Zoubida",
            "quand est ouverte la permanence sociale ?",
            "xylophone quantique introuvable",
            "je veux mourir",
            "parler à quelqu'un",
            "oublie-moi",
        ];

        var sent = 0;
        for (var i = 0; i < words.Length; i++)
        {
            await TwilioTestHost.SendSmsAsync(client, Phone, words[i], $"SMLOG{i:D3}");
            sent = (await twilio.WaitForMessagesAsync(sent + 1, TimeSpan.FromSeconds(30))).Count;
            await Task.Delay(200, TestContext.Current.CancellationToken); // let every reply of this turn go out
            sent = (await twilio.WaitForMessagesAsync(sent, TimeSpan.FromSeconds(1))).Count;
        }

        var tampered = new Dictionary<string, string> { ["MessageSid"] = "SMLOG999", ["From"] = Phone, ["Body"] = "mot de passe secret" };
        using var forged = TwilioTestHost.Signed(tampered, "forged");
        using var refused = await client.SendAsync(forged, TestContext.Current.CancellationToken);

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        sent.ShouldBeGreaterThan(words.Length);
        var lines = captured.ToArray();
        lines.ShouldContain(l => l.Contains("opened for", StringComparison.Ordinal)); // the handoff was logged, without who or what
        foreach (var line in lines)
        {
            line.ShouldNotContain("470987654");
            line.ShouldNotContain("Zoubida");
            line.ShouldNotContain("permanence sociale");
            line.ShouldNotContain("xylophone");
            line.ShouldNotContain("mourir");
            line.ShouldNotContain("secret");
        }
    }
}
