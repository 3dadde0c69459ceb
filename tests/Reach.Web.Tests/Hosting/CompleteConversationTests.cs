using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Reach.Bot.Handoffs;
using Reach.Bot.Localization;
using Reach.Notifications.Appointments;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Testing.Fakes;

namespace Reach.Web.Tests.Hosting;

/// <summary>
/// A whole conversation on each real channel adapter, through the fake provider APIs: first contact in Arabic, a
/// question, a sign-up, a reminder and its answer, a person and a staff reply, STOP, START, forget me.
/// </summary>
public sealed class CompleteConversationTests
{
    private const string Moroccan = "+212612345678";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly Locales L = Locales.Default;
    private static readonly DateTimeOffset Thursday = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    private static string Ar(string key, params (string, object?)[] values) => L.Text("ar", key, values);

    [Theory]
    [InlineData("sms")]
    [InlineData("whatsapp")]
    public async Task In_Arabic_by_Twilio(string channel)
    {
        await using var twilio = FakeTwilioServer.Start();
        await using var factory = TwilioTestHost.Create(twilio);
        factory.Clock.SetUtcNow(Thursday);
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var from = channel == "whatsapp" ? "whatsapp:" + Moroccan : Moroccan;
        var sid = 0;
        async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> SayAsync(string text, int replies)
        {
            var before = twilio.Messages.Count;
            using var request = TwilioTestHost.Signed(TwilioTestHost.Sms(from, text, $"SM{channel}{++sid}"));
            (await client.SendAsync(request, ct)).EnsureSuccessStatusCode();
            var all = await twilio.WaitForMessagesAsync(before + replies, Wait);
            all.Count.ShouldBe(before + replies, $"after '{text}'");
            all.Skip(before).ShouldAllBe(m => m["To"] == from);
            return [.. all.Skip(before)];
        }

        // First contact: greeting, language menu, privacy notice, main menu, all in Arabic (the +212 hint).
        var first = await SayAsync("السلام عليكم", 4);
        first[0]["Body"].ShouldStartWith("مرحبًا");
        first[1]["Body"].ShouldEndWith("1. Français\n2. العربية\n3. Українська\n4. Español\n5. English");

        // A question, and the sign-up its answer offers: "1" takes the first session.
        var theatre = await SayAsync("متى الخرجة القادمة إلى المسرح؟", 2);
        theatre[0]["Body"].ShouldStartWith("سهرة في المسرح مع Article 27، المواعيد القادمة:");
        var signedUp = await SayAsync("1", 1);
        signedUp[0]["Body"].ShouldStartWith("تم تسجيلك: سهرة في المسرح مع Article 27، الجمعة 5 فبراير");

        // Staff book an appointment for this person; its reminder goes at 18:00 the day before, and "1" confirms it.
        var contacts = factory.Services.GetRequiredService<IContactStore>();
        var person = await contacts.GetOrCreateAsync("sem", channel, Moroccan, null, ct);
        var appointments = factory.Services.GetRequiredService<AppointmentService>();
        var appointment = (await appointments.CreateAsync(new NewAppointment("sem", new LocalDateTime(2026, 12, 4, 10, 0), "ar") { ContactId = person.Id }, ct)).Appointment!;
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero));
        using (var scope = factory.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunAsync(ct)).ShouldBe(1);
        }

        var reminder = (await twilio.WaitForMessagesAsync(7, Wait))[^1];
        reminder["To"].ShouldBe(from);
        reminder["Body"].ShouldBe("تذكير: موعد الجمعة 4 ديسمبر الساعة 10:00، خدمة التآزر بين المهاجرين (SEM).\n1. سأحضر\n2. لا أستطيع الحضور");
        (await SayAsync("1", 1))[0]["Body"].ShouldBe(Ar("reminder.confirmed", ("date", "الجمعة 4 ديسمبر"), ("time", "10:00")));
        (await appointments.FindAsync(appointment.Id, ct))!.Status.ShouldBe("confirmed");

        // A person: the handoff opens, and a staff reply reaches the person on this channel.
        (await SayAsync("اريد التحدث مع شخص", 1))[0]["Body"].ShouldStartWith(Ar("handoff.opened", ("organisation", "خدمة التآزر بين المهاجرين (SEM)")));
        var handoff = (await contacts.OpenHandoffsAsync("sem", ct)).ShouldHaveSingleItem();
        using (var scope = factory.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<StaffRelay>().ReplyAsync(handoff.Id, "مرحبا، أنا ماري. تعال يوم الثلاثاء.", ct)).ShouldBe(RelayOutcome.Sent);
        }

        twilio.Messages[^1]["Body"].ShouldBe("مرحبا، أنا ماري. تعال يوم الثلاثاء.");

        // STOP in Arabic, silence, START, then forget me with its confirmation.
        (await SayAsync("توقف", 1))[0]["Body"].ShouldBe(Ar("optout.done", ("organisation", "خدمة التآزر بين المهاجرين (SEM)")));
        (await SayAsync("متى الخرجة القادمة إلى المسرح؟", 0)).ShouldBeEmpty();
        (await SayAsync("START", 1))[0]["Body"].ShouldBe(Ar("optout.resumed", ("organisation", "خدمة التآزر بين المهاجرين (SEM)")));
        (await SayAsync("انسني", 1))[0]["Body"].ShouldStartWith(Ar("forget.confirm"));
        (await SayAsync("1", 1))[0]["Body"].ShouldStartWith(Ar("forget.done"));
        (await contacts.SameAddressAsync("sem", Moroccan, ct)).ShouldBeEmpty("the person's data is erased");
        (await appointments.FindAsync(appointment.Id, ct)).ShouldBeNull();
    }

    [Fact]
    public async Task In_Arabic_on_Telegram()
    {
        await using var telegram = FakeTelegramServer.Start();
        await using var factory = new ReachAppFactory();
        factory.Clock.SetUtcNow(Thursday);
        factory.Settings["Telegram:BotToken"] = telegram.Token;
        factory.Settings["Telegram:BaseUrl"] = telegram.BaseUrl.ToString();
        factory.Settings["Telegram:Mode"] = "Webhook";
        factory.Settings["Telegram:WebhookSecret"] = "right-secret";
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var update = 700000;
        const string From = """{"id": 5151, "is_bot": false, "first_name": "Amal", "language_code": "ar"}""";
        async Task<IReadOnlyList<string>> PostAsync(string json, int replies)
        {
            var before = telegram.RequestsTo("sendMessage").Count;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/telegram", UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "right-secret");
            (await client.SendAsync(request, ct)).EnsureSuccessStatusCode();
            var until = TimeProvider.System.GetUtcNow() + Wait;
            while (telegram.RequestsTo("sendMessage").Count < before + replies && TimeProvider.System.GetUtcNow() < until)
            {
                await Task.Delay(50, ct);
            }

            if (replies == 0)
            {
                await Task.Delay(500, ct);
            }

            var sends = telegram.RequestsTo("sendMessage").Skip(before).Select(r => r.Body).ToList();
            sends.Count.ShouldBe(replies, $"after {json}");
            sends.ShouldAllBe(b => b.Contains("\"chat_id\":5151"));
            return sends;
        }

        Task<IReadOnlyList<string>> SayAsync(string text, int replies) =>
            PostAsync($$$"""{"update_id": {{{++update}}}, "message": {"message_id": {{{update}}}, "date": 1764748800, "chat": {"id": 5151, "type": "private"}, "from": {{{From}}}, "text": "{{{text}}}"}}""", replies);

        Task<IReadOnlyList<string>> ChooseAsync(string data, int replies) =>
            PostAsync($$$"""{"update_id": {{{++update}}}, "callback_query": {"id": "cb{{{update}}}", "from": {{{From}}}, "message": {"message_id": 1, "date": 1764748800, "chat": {"id": 5151, "type": "private"}}, "data": "{{{data}}}"}}""", replies);

        var first = await SayAsync("السلام عليكم", 4);
        first[0].ShouldContain("مرحبًا Amal!");
        first[1].ShouldContain("\"callback_data\":\"lang:ar\"");

        var theatre = await SayAsync("متى الخرجة القادمة إلى المسرح؟", 2);
        var session = System.Text.RegularExpressions.Regex.Match(theatre[1], "\"callback_data\":\"(signup:[^\"]+)\"").Groups[1].Value;
        session.ShouldNotBeEmpty();
        (await ChooseAsync(session, 1))[0].ShouldContain("تم تسجيلك: سهرة في المسرح مع Article 27");

        var contacts = factory.Services.GetRequiredService<IContactStore>();
        var person = await contacts.GetOrCreateAsync("sem", "telegram", "5151", null, ct);
        var appointments = factory.Services.GetRequiredService<AppointmentService>();
        var appointment = (await appointments.CreateAsync(new NewAppointment("sem", new LocalDateTime(2026, 12, 4, 10, 0), "ar") { ContactId = person.Id }, ct)).Appointment!;
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero));
        using (var scope = factory.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunAsync(ct)).ShouldBe(1);
        }

        var reminder = telegram.RequestsTo("sendMessage")[^1].Body;
        reminder.ShouldContain("تذكير: موعد الجمعة 4 ديسمبر الساعة 10:00");
        reminder.ShouldContain($"\"callback_data\":\"appt:{appointment.Id}:yes\"");
        (await ChooseAsync($"appt:{appointment.Id}:yes", 1))[0].ShouldContain("شكرًا، تم التسجيل: موعد الجمعة 4 ديسمبر الساعة 10:00.");
        (await appointments.FindAsync(appointment.Id, ct))!.Status.ShouldBe("confirmed");
        telegram.RequestsTo("answerCallbackQuery").Count.ShouldBeGreaterThanOrEqualTo(2, "every button press is answered");

        (await ChooseAsync("menu:person", 1))[0].ShouldContain("سيجيبك شخص من");
        var handoff = (await contacts.OpenHandoffsAsync("sem", ct)).ShouldHaveSingleItem();
        using (var scope = factory.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<StaffRelay>().ReplyAsync(handoff.Id, "مرحبا، أنا ماري.", ct)).ShouldBe(RelayOutcome.Sent);
        }

        telegram.RequestsTo("sendMessage")[^1].Body.ShouldContain("مرحبا، أنا ماري.");
        (await SayAsync("توقف", 1))[0].ShouldContain("لن تتلقى رسائل");
        await SayAsync("متى الخرجة القادمة إلى المسرح؟", 0);
        (await SayAsync("START", 1))[0].ShouldContain("مرحبًا بعودتك");
        (await SayAsync("انسني", 1))[0].ShouldContain("\"callback_data\":\"forget:yes\"");
        (await ChooseAsync("forget:yes", 1))[0].ShouldContain("تم حذف كل شيء");
        (await appointments.FindAsync(appointment.Id, ct)).ShouldBeNull("the person's data is erased");
    }
}
