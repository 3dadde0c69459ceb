using Microsoft.Extensions.DependencyInjection;
using Reach.Bot.Handoffs;
using Reach.Notifications.Contacts;
using Reach.Testing.Fakes;

namespace Reach.Web.Tests.Hosting;

/// <summary>A handoff by SMS, a staff reply relayed to the person's phone, and the limits (STOP, closed, empty).</summary>
public class StaffRelayTests
{
    private const string Phone = "+34612345678";

    [Fact]
    public async Task A_staff_reply_reaches_the_person_by_SMS_and_stays_in_the_conversation_and_STOP_silences_it()
    {
        await using var twilio = FakeTwilioServer.Start();
        await using var factory = TwilioTestHost.Create(twilio);
        using var client = factory.CreateClient();
        var cancel = TestContext.Current.CancellationToken;

        await SendAsync(client, "hola", "SMR001");
        var greeted = (await twilio.WaitForMessagesAsync(4, TimeSpan.FromSeconds(30))).Count;
        await SendAsync(client, "hablar con una persona", "SMR002");
        var opened = await twilio.WaitForMessagesAsync(greeted + 1, TimeSpan.FromSeconds(30));
        await SendAsync(client, "necesito ayuda con una carta", "SMR003");
        await twilio.WaitForMessagesAsync(opened.Count + 1, TimeSpan.FromSeconds(30)); // Reach's answer
        await Task.Delay(300, cancel);
        var beforeStaff = twilio.Messages.Count;

        using var scope = factory.Services.CreateScope();
        var contacts = scope.ServiceProvider.GetRequiredService<IContactStore>();
        var relay = scope.ServiceProvider.GetRequiredService<StaffRelay>();
        var handoff = (await contacts.OpenHandoffsAsync("sem", cancel)).ShouldHaveSingleItem();
        var outcome = await relay.ReplyAsync(handoff.Id, "  Hola, soy Marie. Venga el martes a las 9:00 con la carta.  ", cancel);
        var afterStaff = twilio.Messages; // the relay returns once Twilio accepted the message

        opened[^1]["Body"].ShouldStartWith("Una persona de Servicio de Ayuda Mutua entre Migrantes (SEM) le responderá aquí.");
        outcome.ShouldBe(RelayOutcome.Sent);
        afterStaff.Count.ShouldBe(beforeStaff + 1);
        afterStaff[^1]["To"].ShouldBe(Phone);
        afterStaff[^1]["Body"].ShouldBe("Hola, soy Marie. Venga el martes a las 9:00 con la carta.");
        (await contacts.MessagesAsync(handoff.ContactId, cancel)).Select(m => (m.Direction, m.Text)).ShouldBe(
        [
            ("in", "necesito ayuda con una carta"),
            ("staff", "Hola, soy Marie. Venga el martes a las 9:00 con la carta."),
        ]);
        (await relay.ReplyAsync(handoff.Id, "   ", cancel)).ShouldBe(RelayOutcome.Empty);
        (await relay.ReplyAsync(handoff.Id, new string('a', StaffRelay.MaxLength + 1), cancel)).ShouldBe(RelayOutcome.TooLong);
        (await relay.ReplyAsync(987654, "hola", cancel)).ShouldBe(RelayOutcome.NotFound);

        await SendAsync(client, "BAJA", "SMR004");
        var stopped = (await twilio.WaitForMessagesAsync(afterStaff.Count + 1, TimeSpan.FromSeconds(30))).Count;
        (await relay.ReplyAsync(handoff.Id, "¿Sigue ahí?", cancel)).ShouldBe(RelayOutcome.OptedOut);
        (await twilio.WaitForMessagesAsync(stopped + 1, TimeSpan.FromSeconds(1))).Count.ShouldBe(stopped);

        (await contacts.CloseHandoffAsync(handoff.Id, cancel)).ShouldBeTrue();
        (await contacts.CloseHandoffAsync(handoff.Id, cancel)).ShouldBeFalse();
        (await relay.ReplyAsync(handoff.Id, "Adiós", cancel)).ShouldBe(RelayOutcome.Closed);
        (await contacts.OpenHandoffsAsync("sem", cancel)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_number_Twilio_reports_as_unsubscribed_is_marked_opted_out_and_nothing_more_is_attempted()
    {
        await using var twilio = FakeTwilioServer.Start();
        twilio.Unsubscribe(Phone);
        await using var factory = TwilioTestHost.Create(twilio);
        using var client = factory.CreateClient();
        var cancel = TestContext.Current.CancellationToken;
        using var scope = factory.Services.CreateScope();
        var contacts = scope.ServiceProvider.GetRequiredService<IContactStore>();

        await SendAsync(client, "hola", "SMU001");
        var until = TimeProvider.System.GetUtcNow().AddSeconds(30);
        Contact? contact = null;
        while (TimeProvider.System.GetUtcNow() < until && contact is not { OptedOut: true })
        {
            await Task.Delay(50, cancel);
            contact = await contacts.GetOrCreateAsync("sem", "sms", Phone, null, cancel);
        }

        await Task.Delay(300, cancel); // the rest of the greeting is refused too
        var refusedAfterGreeting = twilio.Refused;
        await SendAsync(client, "¿a qué hora abren?", "SMU002");
        await Task.Delay(500, cancel);

        contact.ShouldNotBeNull().OptedOut.ShouldBeTrue();
        twilio.Messages.ShouldBeEmpty();
        refusedAfterGreeting.ShouldBeGreaterThan(0);
        twilio.Refused.ShouldBe(refusedAfterGreeting); // nothing more is attempted
    }

    private static Task SendAsync(HttpClient client, string body, string sid) => TwilioTestHost.SendSmsAsync(client, Phone, body, sid);
}
