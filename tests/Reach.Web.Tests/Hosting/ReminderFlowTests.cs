using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Reach.Bot.Channels.Twilio;
using Reach.Notifications.Appointments;
using Reach.Notifications.Delivery;
using Reach.Testing.Fakes;

namespace Reach.Web.Tests.Hosting;

/// <summary>
/// A reminder end to end by SMS through the real Twilio adapter and a fake Twilio API: planned by staff, sent
/// at its time with the two answers numbered, delivered (status callback), answered "1" by the person.
/// </summary>
public sealed class ReminderFlowTests
{
    private const string Person = "+32470777888";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static HttpRequestMessage Status(string sid, string status, string? signature = null)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = FakeTwilioServer.AccountSid,
            ["MessageSid"] = sid,
            ["MessageStatus"] = status,
            ["To"] = Person,
            ["From"] = TwilioTestHost.OurNumber,
        };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(TwilioEndpoints.StatusPath, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Compute(FakeTwilioServer.AuthToken, TwilioTestHost.PublicBase + TwilioEndpoints.StatusPath, form));
        return request;
    }

    [Fact]
    public async Task A_reminder_goes_by_sms_is_delivered_and_answered()
    {
        await using var twilio = FakeTwilioServer.Start();
        await using var factory = TwilioTestHost.Create(twilio);
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var appointments = factory.Services.GetRequiredService<AppointmentService>();
        var appointment = (await appointments.CreateAsync(new NewAppointment("sem", new LocalDateTime(2026, 12, 4, 10, 0), "fr") { Phone = "0470 77 78 88" }, ct)).Appointment!;

        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero));
        using (var scope = factory.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunAsync(ct)).ShouldBe(1);
        }

        var sms = (await twilio.WaitForMessagesAsync(1, Wait)).Single();
        sms["To"].ShouldBe(Person);
        sms["Body"].ShouldBe("Rappel : rendez-vous vendredi 4 décembre à 10:00, Service Entraide Migrants.\n1. Je viens\n2. Je ne peux pas venir");
        sms["StatusCallback"].ShouldBe("https://reach.example.org/webhooks/twilio/status");
        var outbox = factory.Services.GetRequiredService<OutboxStore>();
        var sent = (await outbox.ListBySubjectAsync(appointment.Subject, ct))[0];
        sent.State.ShouldBe("sent");

        using (var forged = await client.SendAsync(Status(sent.ProviderId!, "delivered", signature: "forged"), ct))
        {
            ((int)forged.StatusCode).ShouldBe(403);
        }

        (await outbox.FindAsync(sent.Id, ct))!.State.ShouldBe("sent", "a forged callback changes nothing");
        (await client.SendAsync(Status(sent.ProviderId!, "delivered"), ct)).EnsureSuccessStatusCode();
        (await client.SendAsync(Status(sent.ProviderId!, "sent"), ct)).EnsureSuccessStatusCode();
        (await outbox.FindAsync(sent.Id, ct))!.State.ShouldBe("delivered", "a late 'sent' never moves it back");

        await TwilioTestHost.SendSmsAsync(client, Person, "1", "SM-reply-1");
        var replies = await twilio.WaitForMessagesAsync(2, Wait);
        replies[1]["Body"].ShouldBe("Merci, c'est noté : rendez-vous vendredi 4 décembre à 10:00.");
        (await appointments.FindAsync(appointment.Id, ct))!.Status.ShouldBe("confirmed");
    }
}
