using Reach.Content.Model;
using Reach.Notifications.Signups;
using Reach.Notifications.Tests.Delivery;

namespace Reach.Notifications.Tests.Signups;

/// <summary>Sign-ups staff make and cancel on a person's behalf, with the conversation's rules, on the demo content (SEM).</summary>
public sealed class SignupServiceTests : IAsyncLifetime
{
    private const string Cooking = "session:sem-cooking-workshop/sem-cooking-2027-01-15";
    private static readonly CancellationToken None = CancellationToken.None;
    private OutboxFixture fx = null!;
    private SignupService service = null!;
    private OrganisationContent sem = null!;

    public async ValueTask InitializeAsync()
    {
        fx = await OutboxFixture.StartAsync();
        service = new SignupService(fx.Contacts, fx.Signups, fx.Sessions, fx.Clock);
        sem = (await fx.Content.GetPublishedAsync("sem", None))!.Content;
    }

    public async ValueTask DisposeAsync() => await fx.DisposeAsync();

    private (Activity Activity, Session Session) Find(string activityId, string sessionId)
    {
        var activity = sem.Activities.Single(a => a.Id == activityId);
        return (activity, activity.Sessions.Single(s => s.Id == sessionId));
    }

    private Task<StaffSignupResult> AddAsync(string phone, string language = "fr", string sessionId = "sem-cooking-2027-01-15", string activityId = "sem-cooking-workshop")
    {
        var (activity, session) = Find(activityId, sessionId);
        return service.AddAsync(sem, activity, session, new NewSignup(phone, language, Consent: true, "marie@sem.example"), None);
    }

    [Fact]
    public async Task A_person_staff_cancel_and_sign_up_again_is_told_each_time_and_reminded_again()
    {
        var (activity, session) = Find("sem-cooking-workshop", "sem-cooking-2027-01-15");
        var first = await AddAsync("0470 12 34 56");
        await service.CancelAsync(sem, activity, session, first.ContactId, None);
        var again = await AddAsync("0470 12 34 56");

        again.ContactId.ShouldBe(first.ContactId);
        again.Signup.ShouldBe(new SignupResult(SignupStatus.Confirmed, 0, AlreadySignedUp: false));
        (await fx.MessagesAsync(Cooking)).Select(m => (m.Key, m.Kind, m.State)).OrderBy(m => m.Key, StringComparer.Ordinal).ShouldBe(
        [
            ($"{Cooking}:c{first.ContactId}:1d@18:00", "reminder", "cancelled"),
            ($"{Cooking}:c{first.ContactId}:notice:cancelled", "notice", "planned"),
            ($"{Cooking}:c{first.ContactId}:notice:confirmed", "notice", "cancelled"),
            ($"{Cooking}:c{first.ContactId}:s1:1d@18:00", "reminder", "planned"),
            ($"{Cooking}:c{first.ContactId}:s1:notice:confirmed", "notice", "planned"),
        ]);
    }

    [Fact]
    public async Task A_number_already_signed_up_on_WhatsApp_keeps_its_one_place()
    {
        var whatsApp = await fx.PersonAsync("+32470123456", "whatsapp", "ar");
        await fx.Signups.SignUpAsync("sem", "sem-cooking-workshop", "sem-cooking-2027-01-15", whatsApp.Id, 10, None);

        var result = await AddAsync("0470/12.34.56");

        result.ContactId.ShouldBe(whatsApp.Id);
        result.Signup.ShouldBe(new SignupResult(SignupStatus.Confirmed, 0, AlreadySignedUp: true));
        (await fx.Contacts.SameAddressAsync("sem", "+32470123456", None)).ShouldHaveSingleItem();
        (await fx.Signups.PlacesLeftAsync("sem", "sem-cooking-2027-01-15", 10, None)).ShouldBe(9);
    }

    [Fact]
    public async Task Nobody_is_signed_up_to_a_cancelled_session_or_one_that_has_begun()
    {
        var cancelled = await AddAsync("0470 12 34 56", activityId: "sem-discover-belgium", sessionId: "sem-discover-2027-05-22");
        fx.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var begun = await AddAsync("0470 12 34 56");

        cancelled.Errors.ShouldBe(new Dictionary<string, string>
        {
            ["session"] = "Nobody can be signed up: the session is cancelled. What people are told: Annulé : une grève des trains est annoncée ce jour-là. Nous proposerons une autre date.",
        });
        begun.Errors.ShouldBe(new Dictionary<string, string> { ["session"] = "This session has already begun: nobody can be signed up any more." });
        (await fx.Contacts.SameAddressAsync("sem", "+32470123456", None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_person_promoted_after_they_sent_stop_keeps_the_place_but_gets_neither_reminders_nor_the_news()
    {
        var (activity, session) = Find("sem-cooking-workshop", "sem-cooking-2027-01-15");
        var places = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            places.Add((await AddAsync($"0470 00 00 {i:D2}")).ContactId);
        }

        fx.Clock.Advance(TimeSpan.FromMinutes(1));
        var waiting = await AddAsync("0470 99 99 99", "uk");
        var stopped = (await fx.Contacts.FindAsync(waiting.ContactId, None))! with { OptedOut = true };
        await fx.Contacts.SaveAsync(stopped, None);

        var cancel = await service.CancelAsync(sem, activity, session, places[0], None);

        waiting.Signup.ShouldBe(new SignupResult(SignupStatus.Waiting, 1, AlreadySignedUp: false));
        cancel.ShouldBe(new StaffCancelResult(true, waiting.ContactId));
        (await fx.Signups.FindAsync("sem", session.Id, waiting.ContactId, None)).ShouldBe(new SignupState(SignupStatus.Confirmed, 0, 0));
        (await fx.MessagesAsync(Cooking)).Where(m => m.ContactId == waiting.ContactId).Select(m => m.Step).ShouldBe(["waiting"]);
    }
}
