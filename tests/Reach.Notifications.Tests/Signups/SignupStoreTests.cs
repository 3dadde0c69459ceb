using Reach.Notifications.Contacts;
using Reach.Notifications.Signups;
using Reach.Testing;

namespace Reach.Notifications.Tests.Signups;

/// <summary>Sign-ups on SQLite and, when the test script started it, PostgreSQL.</summary>
public sealed class SignupStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new();
    private readonly StoreDatabases stores;

    public SignupStoreTests() => stores = new StoreDatabases(clock);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => stores.DisposeAsync();

    public static TheoryData<string> Stores() => new(StoreDatabases.Kinds);

    private async Task<(SignupStore Signups, ContactStore Contacts, SignupQueries Queries)> StoresAsync(string kind)
    {
        var database = await stores.CreateAsync(kind);
        if (database is null)
        {
            Assert.Skip(StoreDatabases.NoServer);
        }

        return (new SignupStore(database, clock), new ContactStore(database, clock), new SignupQueries(database));
    }

    private static async Task<List<long>> PeopleAsync(ContactStore contacts, int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await contacts.GetOrCreateAsync("sem", "sms", $"+3247000{i:D4}", null, CancellationToken.None)).Id);
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Fifty_people_taking_the_last_ten_places_at_once_give_ten_places_and_forty_waiting(string kind)
    {
        var (signups, contacts, _) = await StoresAsync(kind);
        var people = await PeopleAsync(contacts, 70);
        foreach (var early in people.Take(20))
        {
            await signups.SignUpAsync("sem", "outing", "outing-1", early, 30, CancellationToken.None);
        }

        var results = await Task.WhenAll(people.Skip(20).Take(50).Select(p => Task.Run(() => signups.SignUpAsync("sem", "outing", "outing-1", p, 30, CancellationToken.None))));

        results.Count(r => r.Status == SignupStatus.Confirmed).ShouldBe(10);
        results.Count(r => r.Status == SignupStatus.Waiting).ShouldBe(40);
        results.Where(r => r.Status == SignupStatus.Waiting).Select(r => r.WaitingPosition).Order().ShouldBe(Enumerable.Range(1, 40));
        (await signups.PlacesLeftAsync("sem", "outing-1", 30, CancellationToken.None)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_cancelled_place_goes_to_the_first_on_the_waiting_list(string kind)
    {
        var (signups, contacts, _) = await StoresAsync(kind);
        var people = await PeopleAsync(contacts, 4);
        await signups.SignUpAsync("sem", "workshop", "w-1", people[0], 2, CancellationToken.None);
        await signups.SignUpAsync("sem", "workshop", "w-1", people[1], 2, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var third = await signups.SignUpAsync("sem", "workshop", "w-1", people[2], 2, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var fourth = await signups.SignUpAsync("sem", "workshop", "w-1", people[3], 2, CancellationToken.None);

        var cancelled = await signups.CancelAsync("sem", "w-1", people[0], 2, CancellationToken.None);

        third.ShouldBe(new SignupResult(SignupStatus.Waiting, 1, AlreadySignedUp: false));
        fourth.ShouldBe(new SignupResult(SignupStatus.Waiting, 2, AlreadySignedUp: false));
        cancelled.ShouldBe((true, (long?)people[2]));
        (await signups.ForContactAsync(people[2], CancellationToken.None)).ShouldHaveSingleItem().Status.ShouldBe(SignupStatus.Confirmed);
        (await signups.SignUpAsync("sem", "workshop", "w-1", people[3], 2, CancellationToken.None)).ShouldBe(new SignupResult(SignupStatus.Waiting, 1, AlreadySignedUp: true));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_consent_is_recorded_with_its_sign_up_and_staff_see_it_beside_the_waiting_list_in_order(string kind)
    {
        var (signups, contacts, queries) = await StoresAsync(kind);
        var people = await PeopleAsync(contacts, 3);
        await contacts.SaveAsync((await contacts.FindAsync(people[1], CancellationToken.None))! with { FirstName = "أمينة", Language = "ar" }, CancellationToken.None);
        await signups.SignUpAsync("sem", "workshop", "w-1", people[0], 1, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var staff = await signups.SignUpAsync("sem", "workshop", "w-1", people[1], 1, new SignupConsent("marie@sem.example", "agreed"), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        await signups.SignUpAsync("sem", "workshop", "w-1", people[2], 1, CancellationToken.None);
        await signups.SignUpAsync("sem", "workshop", "w-2", people[2], 1, CancellationToken.None);
        await signups.SignUpAsync("cssbse", "workshop", "w-1", people[2], 1, CancellationToken.None);

        var participants = await queries.ParticipantsAsync("sem", "w-1", CancellationToken.None);
        var counts = await queries.CountsAsync("sem", CancellationToken.None);

        staff.ShouldBe(new SignupResult(SignupStatus.Waiting, 1, AlreadySignedUp: false));
        participants.Select(p => (p.ContactId, p.Status, p.WaitingPosition, p.ConsentRecordedBy)).ShouldBe(
            [(people[0], SignupStatus.Confirmed, 0, null), (people[1], SignupStatus.Waiting, 1, "marie@sem.example"), (people[2], SignupStatus.Waiting, 2, null)]);
        participants[1].ShouldBe(new Participant(people[1], "sms", "+32470000001", SignupStatus.Waiting, new DateTimeOffset(2026, 11, 21, 9, 1, 0, TimeSpan.Zero))
        {
            FirstName = "أمينة", Language = "ar", WaitingPosition = 1, ConsentRecordedBy = "marie@sem.example", ConsentRecordedAt = new DateTimeOffset(2026, 11, 21, 9, 1, 0, TimeSpan.Zero),
        });
        counts.Count.ShouldBe(2);
        counts["w-1"].ShouldBe((1, 2));
        counts["w-2"].ShouldBe((1, 0));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_consent_noted_for_someone_already_signed_up_is_kept_and_an_old_consent_does_not_cover_a_new_sign_up(string kind)
    {
        var (signups, contacts, queries) = await StoresAsync(kind);
        var person = (await PeopleAsync(contacts, 1))[0];
        await signups.SignUpAsync("sem", "workshop", "w-1", person, 5, CancellationToken.None);

        var again = await signups.SignUpAsync("sem", "workshop", "w-1", person, 5, new SignupConsent("marie@sem.example", "agreed"), CancellationToken.None);
        var noted = (await queries.ParticipantsAsync("sem", "w-1", CancellationToken.None)).ShouldHaveSingleItem().ConsentRecordedBy;
        await signups.CancelAsync("sem", "w-1", person, 5, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        await signups.SignUpAsync("sem", "workshop", "w-1", person, 5, CancellationToken.None);

        again.ShouldBe(new SignupResult(SignupStatus.Confirmed, 0, AlreadySignedUp: true));
        noted.ShouldBe("marie@sem.example");
        (await queries.ParticipantsAsync("sem", "w-1", CancellationToken.None)).ShouldHaveSingleItem().ConsentRecordedBy.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Each_new_sign_up_after_a_cancellation_has_the_next_revision(string kind)
    {
        var (signups, contacts, _) = await StoresAsync(kind);
        var people = await PeopleAsync(contacts, 2);

        var never = await signups.FindAsync("sem", "w-1", people[0], CancellationToken.None);
        await signups.SignUpAsync("sem", "workshop", "w-1", people[0], 1, CancellationToken.None);
        await signups.SignUpAsync("sem", "workshop", "w-1", people[1], 1, CancellationToken.None);
        var first = await signups.FindAsync("sem", "w-1", people[1], CancellationToken.None);
        await signups.CancelAsync("sem", "w-1", people[1], 1, CancellationToken.None);
        var cancelled = await signups.FindAsync("sem", "w-1", people[1], CancellationToken.None);
        await signups.SignUpAsync("sem", "workshop", "w-1", people[1], 1, CancellationToken.None);
        await signups.SignUpAsync("sem", "workshop", "w-1", people[1], 1, CancellationToken.None);

        never.ShouldBeNull();
        first.ShouldBe(new SignupState(SignupStatus.Waiting, 0, 1));
        cancelled.ShouldBe(new SignupState(SignupStatus.Cancelled, 0, 0));
        (await signups.FindAsync("sem", "w-1", people[1], CancellationToken.None)).ShouldBe(new SignupState(SignupStatus.Waiting, 1, 1));
        (await signups.FindAsync("sem", "w-1", people[0], CancellationToken.None)).ShouldBe(new SignupState(SignupStatus.Confirmed, 0, 0));
    }
}
