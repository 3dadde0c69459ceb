using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Reach.Content.Storage;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Notifications.Signups;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>
/// Activity sessions for staff: places and waiting lists, a person signed up by phone on their behalf (with their
/// consent), a place cancelled and the first person waiting promoted: the same rules as in the conversation.
/// </summary>
public sealed partial class SessionsTests
{
    private const string Cooking = "/staff/sessions/sem-cooking-workshop/sem-cooking-2027-01-15";
    private const string Subject = "session:sem-cooking-workshop/sem-cooking-2027-01-15";
    private const string ConsentError = "Tick the box once the person has agreed to be signed up and to receive reminders. Nobody is signed up without their agreement.";
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(ReachAppFactory Factory, HttpClient Client)> StartAsync(ReachAppFactory? factory = null)
    {
        factory ??= new ReachAppFactory();
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        await StaffAppHost.AccountAsync(factory, "marie@sem.example", "sem", Roles.Staff);
        return (factory, await StaffAppHost.SignedInAsync(factory, "marie@sem.example"));
    }

    /// <summary>People who signed up in the conversation, one after the other (capacity 10: the eleventh waits).</summary>
    private static async Task<List<long>> FillAsync(ReachAppFactory factory, int count, string organisation = "sem", string activity = "sem-cooking-workshop", string session = "sem-cooking-2027-01-15")
    {
        var contacts = factory.Services.GetRequiredService<IContactStore>();
        var signups = factory.Services.GetRequiredService<SignupStore>();
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var contact = await contacts.GetOrCreateAsync(organisation, "telegram", $"tg-{organisation}-{i}", $"Person{i}", None);
            await signups.SignUpAsync(organisation, activity, session, contact.Id, 10, None);
            ids.Add(contact.Id);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        return ids;
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, Dictionary<string, string> fields, string path = Cooking) =>
        StaffAppHost.PostFormAsync(client, Cooking, path, fields, "Add");

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(None));

    /// <summary>The page with the white space between tags removed, to find what stands next to what.</summary>
    private static string Compact(string page) => BetweenTags().Replace(page, "><");

    private static async Task<IReadOnlyList<(string Step, string State, string Language, string? Text)>> MessagesAsync(ReachAppFactory factory, long contactId)
    {
        var renderer = factory.Services.GetRequiredService<IMessageRenderer>();
        var result = new List<(string, string, string, string?)>();
        foreach (var m in (await factory.Services.GetRequiredService<OutboxStore>().ListBySubjectAsync(Subject, None)).Where(m => m.ContactId == contactId))
        {
            result.Add((m.Kind + " " + m.Step, m.State, m.Language, (await renderer.RenderAsync(m, None))?.Text));
        }

        return result;
    }

    [Fact]
    public async Task The_list_shows_the_coming_sessions_with_places_taken_and_people_waiting()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        await FillAsync(factory, 12);
        await FillAsync(factory, 3, "cssbse", "cssbse-childrens-days", "cssbse-childrens-day-2026-12-23");

        var page = await StaffAppHost.GetAsync(client, "/staff/sessions");
        var later = await StaffAppHost.GetAsync(client, "/staff/sessions?weeks=26");

        page.ShouldContain("<a href=\"/staff/sessions/sem-cooking-workshop/sem-cooking-2027-01-15\">");
        page.ShouldContain(" 15/01/2027 10:00–13:30</a></td><td>Atelier cuisine du monde</td><td>10 / 10</td><td>2</td></tr>");
        page.ShouldContain(" 05/02/2027 20:00–22:00</a></td><td>Sortie théâtre avec Article 27</td><td>0 / 12</td><td>0</td></tr>");
        page.ShouldContain(" 19/02/2027 10:00–13:30</a></td><td>Atelier cuisine du monde</td><td>0 / 10</td><td>0</td></tr>");
        page.ShouldNotContain("21/05/2027", Case.Sensitive, "twelve weeks by default");
        page.ShouldNotContain("cssbse");
        page.ShouldContain("without dated sessions (Reach has no session to sign people up to): Atelier couture, Après-midis enfants pendant les vacances.");
        later.ShouldContain(" 21/05/2027 20:00–22:00</a></td><td>Sortie théâtre avec Article 27</td><td>0 / 10</td><td>0</td></tr>");
        later.ShouldContain("· cancelled: Annulé : une grève des trains est annoncée ce jour-là. Nous proposerons une autre date.</td><td>0 / 20</td>");
    }

    [Fact]
    public async Task A_person_signed_up_with_their_consent_gets_a_place_reminders_and_a_confirmation_and_it_is_audited()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;

        using var added = await AddAsync(client, new() { ["phone"] = "0470 12 34 56", ["name"] = "Amal", ["language"] = "fr", ["consent"] = "true" });

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        added.Headers.Location!.ToString().ShouldBe(Cooking);
        var page = Compact(await StaffAppHost.GetAsync(client, Cooking));
        page.ShouldContain("<p class=\"notice\" role=\"status\">Amal is signed up. The reminders are planned and the person is told.</p>");
        page.ShouldContain("<dt>Places taken</dt><dd>1 / 10</dd><dt>Waiting</dt><dd>0</dd>");
        page.ShouldContain("<tr><td><bdi>Amal</bdi></td><td>+32470123456</td><td>fr</td><td>sms</td><td>03/12/2026 09:00</td><td>by marie@sem.example, consent recorded 03/12/2026 09:00</td>");
        page.ShouldContain("<h2>Waiting list</h2><p>Nobody is waiting.</p>");
        page.ShouldContain("<a class=\"button\" href=\"/staff/broadcasts/new?audience=session%3Asem-cooking-workshop%2Fsem-cooking-2027-01-15\">Write to the people signed up</a>");
        var amal = (await factory.Services.GetRequiredService<IContactStore>().SameAddressAsync("sem", "+32470123456", None)).ShouldHaveSingleItem();
        amal.FirstName.ShouldBe("Amal");
        (await MessagesAsync(factory, amal.Id)).ShouldBe(
        [
            ("notice confirmed", "planned", "fr", "Vous êtes inscrit·e : Atelier cuisine du monde, vendredi 15 janvier, 10:00–13:30."),
            ("reminder 1d@18:00", "planned", "fr", "Rappel : Atelier cuisine du monde, vendredi 15 janvier, 10:00–13:30, Bureau du SEM (Rue du Huit Mai 15, 5030 Gembloux)."),
        ]);
        await using (var connection = await factory.Services.GetRequiredService<ReachDatabase>().OpenAsync(None))
        {
            (await connection.QueryAsync<(string, string, string, string)>("SELECT organisation_id, session_id, recorded_by, statement FROM signup_consents WHERE contact_id = @id", new { id = amal.Id }))
                .ShouldBe([("sem", "sem-cooking-2027-01-15", "marie@sem.example", "The person agreed to be signed up and to receive reminders.")]);
        }

        var audit = (await factory.Services.GetRequiredService<AuditLog>().ListAsync("sem", 10, None))[0];
        (audit.Actor, audit.Action, audit.Detail).ShouldBe(("marie@sem.example", "signup.add", $"contact {amal.Id} signed up for sem-cooking-workshop/sem-cooking-2027-01-15 on their behalf: confirmed; consent recorded"));
    }

    [Fact]
    public async Task Without_the_persons_consent_nothing_is_saved_and_the_box_says_why()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;

        using var refused = await AddAsync(client, new() { ["phone"] = "0470 12 34 56", ["name"] = "Amal", ["language"] = "fr" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = Compact(await TextAsync(refused));
        page.ShouldContain($" The person agreed to be signed up and to receive reminders</label><p id=\"consent-error\" class=\"error\" role=\"alert\">{ConsentError}</p>");
        page.ShouldContain("value=\"0470 12 34 56\"");
        page.ShouldNotContain("id=\"phone-error\"");
        (await factory.Services.GetRequiredService<IContactStore>().SameAddressAsync("sem", "+32470123456", None)).ShouldBeEmpty();
        (await factory.Services.GetRequiredService<SignupQueries>().CountsAsync("sem", None)).ShouldBeEmpty();
        (await factory.Services.GetRequiredService<OutboxStore>().ListBySubjectAsync(Subject, None)).ShouldBeEmpty();
        (await factory.Services.GetRequiredService<AuditLog>().ListAsync("sem", 10, None)).ShouldNotContain(e => e.Action.StartsWith("signup", StringComparison.Ordinal));
        await using var connection = await factory.Services.GetRequiredService<ReachDatabase>().OpenAsync(None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM signup_consents")).ShouldBe(0);
    }

    [Theory]
    [InlineData("0470 12 34 5", "0470 12 34 5 has 9 digits; a Belgian mobile has 10 digits, like 0470 12 34 56.")]
    [InlineData("081 00 00 00", "081 00 00 00 is a landline: it cannot receive SMS reminders. Give a mobile number (04…).")]
    [InlineData("470123456", "470123456 starts with neither 0, + nor 00, so its country is unclear; write a Belgian number with its 0, like 0470 12 34 56, or a foreign one with + and its country code, like +33 6 12 34 56 78.")]
    public async Task An_impossible_number_or_a_landline_is_refused_next_to_the_phone_field(string phone, string error)
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;

        using var refused = await AddAsync(client, new() { ["phone"] = phone, ["language"] = "ar", ["consent"] = "true" });
        using var both = await AddAsync(client, new() { ["phone"] = phone, ["language"] = "ar" });

        var page = Compact(await TextAsync(refused));
        page.ShouldContain($"inputmode=\"tel\" /><small id=\"phone-help\">Any usual form: 0470 12 34 56, +32 470/12.34.56, or a foreign number with its country code.</small><p id=\"phone-error\" class=\"error\" role=\"alert\">{error}</p>");
        page.ShouldContain("<option value=\"ar\" selected=\"selected\">ar</option>");
        page.ShouldNotContain("consent-error\" class");
        var twice = await TextAsync(both);
        twice.ShouldContain(error);
        twice.ShouldContain(ConsentError);
        (await factory.Services.GetRequiredService<SignupQueries>().CountsAsync("sem", None)).ShouldBeEmpty();
        (await factory.Services.GetRequiredService<OutboxStore>().ListBySubjectAsync(Subject, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task In_a_full_session_the_person_goes_on_the_waiting_list_and_is_told_their_place()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        await FillAsync(factory, 10);

        using var added = await AddAsync(client, new() { ["phone"] = "+32 470 12 34 56", ["name"] = "Amal", ["language"] = "fr", ["consent"] = "true" });

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = Compact(await StaffAppHost.GetAsync(client, Cooking));
        page.ShouldContain("The session is full: Amal is number 1 on the waiting list and is told.");
        page.ShouldContain("<dt>Places taken</dt><dd>10 / 10</dd><dt>Waiting</dt><dd>1</dd>");
        page.ShouldContain("<tr><td>1. <bdi>Amal</bdi></td><td>+32470123456</td><td>fr</td><td>sms</td>");
        page.ShouldContain("<a class=\"button\" href=\"/staff/broadcasts/new?audience=waiting%3Asem-cooking-workshop%2Fsem-cooking-2027-01-15\">Write to the waiting list</a>");
        var amal = (await factory.Services.GetRequiredService<IContactStore>().SameAddressAsync("sem", "+32470123456", None)).ShouldHaveSingleItem();
        (await MessagesAsync(factory, amal.Id)).ShouldBe(
        [
            ("notice waiting", "planned", "fr", "Atelier cuisine du monde, vendredi 15 janvier : complet. Vous êtes numéro 1 sur la liste d'attente ; nous vous prévenons si une place se libère."),
        ]);
        (await factory.Services.GetRequiredService<AuditLog>().ListAsync("sem", 10, None))[0].Detail
            .ShouldBe($"contact {amal.Id} signed up for sem-cooking-workshop/sem-cooking-2027-01-15 on their behalf: waiting 1; consent recorded");
    }

    [Fact]
    public async Task Cancelling_a_place_gives_it_to_the_first_person_waiting_who_is_told_in_Arabic_with_reminders()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        await FillAsync(factory, 9);
        (await AddAsync(client, new() { ["phone"] = "0470 12 34 56", ["name"] = "Amal", ["language"] = "fr", ["consent"] = "true" })).Dispose();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        (await AddAsync(client, new() { ["phone"] = "0470 98 76 54", ["name"] = "أمينة", ["language"] = "ar", ["consent"] = "true" })).Dispose();
        var contacts = factory.Services.GetRequiredService<IContactStore>();
        var amal = (await contacts.SameAddressAsync("sem", "+32470123456", None)).Single();
        var amina = (await contacts.SameAddressAsync("sem", "+32470987654", None)).Single();
        var before = Compact(await StaffAppHost.GetAsync(client, Cooking));

        using var cancelled = await StaffAppHost.PostFormAsync(client, Cooking, new() { ["contact"] = amal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Cancel");

        before.ShouldContain("<tr><td>1. <bdi>أمينة</bdi></td><td>+32470987654</td><td>ar</td><td>sms</td><td>03/12/2026 09:02</td><td>by marie@sem.example, consent recorded 03/12/2026 09:02</td>");
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = Compact(await StaffAppHost.GetAsync(client, Cooking));
        page.ShouldContain("Amal's place is cancelled and they are told. أمينة gets the place, with reminders, and is told.");
        page.ShouldContain("<tr><td><bdi>أمينة</bdi></td><td>+32470987654</td><td>ar</td>");
        page.ShouldNotContain("<bdi>Amal</bdi>");
        page.ShouldContain("<dt>Places taken</dt><dd>10 / 10</dd><dt>Waiting</dt><dd>0</dd>");
        (await MessagesAsync(factory, amal.Id)).ShouldBe(
        [
            ("notice confirmed", "cancelled", "fr", null),
            ("notice cancelled", "planned", "fr", "Votre inscription est annulée : Atelier cuisine du monde, vendredi 15 janvier."),
            ("reminder 1d@18:00", "cancelled", "fr", "Rappel : Atelier cuisine du monde, vendredi 15 janvier, 10:00–13:30, Bureau du SEM (Rue du Huit Mai 15, 5030 Gembloux)."),
        ]);
        (await MessagesAsync(factory, amina.Id)).ShouldBe(
        [
            ("notice waiting", "planned", "ar", null),
            ("notice promoted", "planned", "ar", "خبر سار: توفر مكان. تم تسجيلك: ورشة طبخ من العالم، الجمعة 15 يناير، 10:00–13:30."),
            ("reminder 1d@18:00", "planned", "ar", "تذكير: ورشة طبخ من العالم، الجمعة 15 يناير، 10:00–13:30، مكتب SEM (Rue du Huit Mai 15, 5030 Gembloux)."),
        ]);
        var audit = (await factory.Services.GetRequiredService<AuditLog>().ListAsync("sem", 10, None))[0];
        (audit.Action, audit.Detail).ShouldBe(("signup.cancel", $"contact {amal.Id} cancelled from sem-cooking-workshop/sem-cooking-2027-01-15; contact {amina.Id} got the place from the waiting list"));
    }

    [Fact]
    public async Task Another_organisations_session_or_person_is_not_found_and_nothing_changes()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        const string Theirs = "/staff/sessions/cssbse-childrens-days/cssbse-childrens-day-2026-12-23";
        var theirPerson = (await FillAsync(factory, 1, "cssbse", "cssbse-childrens-days", "cssbse-childrens-day-2026-12-23"))[0];
        var ours = (await FillAsync(factory, 1))[0];
        var queries = factory.Services.GetRequiredService<SignupQueries>();

        using var get = await client.GetAsync(Theirs, None);
        using var unknown = await client.GetAsync("/staff/sessions/sem-cooking-workshop/sem-cooking-2099-01-01", None);
        using var add = await AddAsync(client, new() { ["phone"] = "0470 12 34 56", ["language"] = "fr", ["consent"] = "true" }, Theirs);
        using var cancel = await StaffAppHost.PostFormAsync(client, Cooking, Theirs, new() { ["contact"] = theirPerson.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Cancel");
        using var crossed = await StaffAppHost.PostFormAsync(client, Cooking, new() { ["contact"] = theirPerson.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Cancel");

        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        add.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        cancel.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        crossed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TextAsync(crossed)).ShouldContain("<p class=\"error\" role=\"alert\">This person has no place in this session any more.</p>");
        (await queries.ParticipantsAsync("cssbse", "cssbse-childrens-day-2026-12-23", None)).ShouldHaveSingleItem().ContactId.ShouldBe(theirPerson);
        (await queries.ParticipantsAsync("sem", "sem-cooking-2027-01-15", None)).ShouldHaveSingleItem().ContactId.ShouldBe(ours);
        (await factory.Services.GetRequiredService<IContactStore>().SameAddressAsync("cssbse", "+32470123456", None)).ShouldBeEmpty();
        (await factory.Services.GetRequiredService<AuditLog>().ListAsync("sem", 10, None)).ShouldNotContain(e => e.Action.StartsWith("signup", StringComparison.Ordinal));
        (await factory.Services.GetRequiredService<AuditLog>().ListAsync("cssbse", 10, None)).ShouldNotContain(e => e.Action.StartsWith("signup", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sign_up_or_cancellation_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        var ours = (await FillAsync(factory, 1))[0];

        using var add = await client.PostAsync(Cooking + "?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["phone"] = "0470 12 34 56", ["language"] = "fr", ["consent"] = "true",
        }), None);
        using var cancel = await client.PostAsync(Cooking + "?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["contact"] = ours.ToString(System.Globalization.CultureInfo.InvariantCulture) }), None);

        add.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        cancel.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.Services.GetRequiredService<SignupQueries>().ParticipantsAsync("sem", "sem-cooking-2027-01-15", None)).ShouldHaveSingleItem().ContactId.ShouldBe(ours);
    }

    [Fact]
    public async Task The_phone_number_staff_typed_is_in_no_log_line()
    {
        var captured = new ConcurrentQueue<string>();
        var (factory, client) = await StartAsync(new CapturedLogsAppFactory(captured));
        await using var _ = factory;
        using var __ = client;
        await FillAsync(factory, 10);

        (await AddAsync(client, new() { ["phone"] = "0470 98 76 54", ["name"] = "Zoubida", ["language"] = "ar", ["consent"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AddAsync(client, new() { ["phone"] = "0470 98 76 5", ["language"] = "ar", ["consent"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await StaffAppHost.GetAsync(client, Cooking);

        page.ShouldContain("+32470987654");
        captured.ShouldNotBeEmpty();
        foreach (var line in captured)
        {
            line.ShouldNotContain("98 76");
            line.ShouldNotContain("987654");
            line.ShouldNotContain("Zoubida");
        }
    }

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();
}
