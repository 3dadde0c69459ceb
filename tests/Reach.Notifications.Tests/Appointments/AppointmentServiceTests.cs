using NodaTime;
using Reach.Notifications.Appointments;
using Reach.Notifications.Tests.Delivery;
using Reach.Testing;

namespace Reach.Notifications.Tests.Appointments;

/// <summary>Replies to reminders, the family phone, and what staff see per appointment and per month.</summary>
public sealed class AppointmentServiceTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private OutboxFixture f = null!;

    public async ValueTask InitializeAsync() => f = await OutboxFixture.StartAsync();

    public async ValueTask DisposeAsync() => await f.DisposeAsync();

    private async Task<Appointment> BookAsync(string? name, string language, int day, string service = "permanence-sociale") =>
        (await f.Appointments.CreateAsync(new NewAppointment("sem", new LocalDateTime(2026, 12, day, 10, 0), language)
        {
            Phone = "+32 470/12.34.56", FirstName = name, ServiceId = service, Staff = "Marie", Notes = "apporter la carte",
        }, None)).Appointment.ShouldNotBeNull();

    [Fact]
    public async Task A_persons_upcoming_appointments_are_read_on_PostgreSQL_too()
    {
        if (PostgresServer.AdminConnectionString is not { } admin)
        {
            Assert.Skip(StoreDatabases.NoServer);
            return;
        }

        await using var postgres = await OutboxFixture.StartAsync(postgres: await PostgresServer.CreateDatabaseAsync(admin));
        foreach (var day in new[] { 7, 4 })
        {
            (await postgres.Appointments.CreateAsync(new NewAppointment("sem", new LocalDateTime(2026, 12, day, 10, 0), "ar") { Phone = "0470 12 34 56", ServiceId = "permanence-sociale" }, None)).Appointment.ShouldNotBeNull();
        }

        var whatsapp = await postgres.PersonAsync("+32470123456", "whatsapp");

        (await postgres.Appointments.UpcomingAsync(whatsapp, None)).Select(a => a.StartsAt.InUtc().Day).ShouldBe([4, 7]);
    }

    [Fact]
    public async Task One_phone_serves_a_family_each_in_their_own_language()
    {
        var mother = await BookAsync("Olena", "uk", 4);
        var son = await BookAsync("Taras", "fr", 7);

        son.ContactId.ShouldBe(mother.ContactId);
        (await f.MessagesAsync(mother.Subject)).Select(m => m.Language).Distinct().ShouldBe(["uk"]);
        (await f.MessagesAsync(son.Subject)).Select(m => m.Language).Distinct().ShouldBe(["fr"]);
    }

    [Fact]
    public async Task A_reply_from_the_same_number_on_whatsapp_confirms_or_cancels()
    {
        var first = await BookAsync("Amal", "ar", 4);
        var second = await BookAsync("Amal", "ar", 7);
        var whatsapp = await f.PersonAsync("+32470123456", "whatsapp");
        var stranger = await f.PersonAsync("+32470999999");

        (await f.Appointments.ReplyAsync(stranger, first.Id, true, None)).ShouldBeNull();
        (await f.Appointments.ReplyAsync(whatsapp, first.Id, true, None))!.Status.ShouldBe("confirmed");
        (await f.Appointments.ReplyAsync(whatsapp, second.Id, false, None))!.Status.ShouldBe("cancelled");

        (await f.MessagesAsync(second.Subject)).Select(m => m.State).ShouldBe(["cancelled", "cancelled"], "the person cancelled: no reminders and no notice");
    }

    [Fact]
    public async Task Staff_see_reminded_confirmed_cancelled_no_reply_and_the_rates()
    {
        var confirmed = await BookAsync("A", "fr", 4);
        var silent = await BookAsync("B", "fr", 4, "ecrivain-public");
        var cancelled = await BookAsync("C", "fr", 7);
        f.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero));
        await f.RunAsync();
        var person = (await f.Contacts.FindAsync(confirmed.ContactId, None))!;
        await f.Appointments.ReplyAsync(person, confirmed.Id, true, None);
        await f.Appointments.CancelAsync(cancelled.Id, "staff", None);

        f.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        (await f.Appointments.MarkOutcomeAsync(confirmed.Id, "attended", None)).ShouldBeTrue();
        (await f.Appointments.MarkOutcomeAsync(silent.Id, "no-show", None)).ShouldBeTrue();
        (await f.Appointments.MarkOutcomeAsync(cancelled.Id, "attended", None)).ShouldBeFalse("not before it happened, and not once cancelled");

        var from = Instant.FromUtc(2026, 12, 1, 0, 0);
        var to = Instant.FromUtc(2027, 1, 1, 0, 0);
        (await f.Appointments.ListAsync("sem", from, to, None)).Select(v => (v.Appointment.FirstName, v.Reminded, v.Reply, v.Appointment.Outcome)).ShouldBe([
            ("A", true, "confirmed", "attended"),
            ("B", true, "no reply", "no-show"),
            ("C", false, "cancelled", null),
        ]);
        var rates = await f.Appointments.RatesAsync("sem", from, to, None);
        rates.Select(r => (r.Service, r.Month, r.Total, r.Reminded, r.Confirmed, r.Cancelled, r.NoReply, r.Attended, r.NoShow)).ShouldBe([
            ("ecrivain-public", "2026-12", 1, 1, 0, 0, 1, 0, 1),
            ("permanence-sociale", "2026-12", 2, 1, 1, 1, 0, 1, 0),
        ]);
        rates[1].ConfirmationRate.ShouldBe(1.0);
    }
}
