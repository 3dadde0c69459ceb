using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Reach.Notifications.Broadcasts;
using Reach.Notifications.Contacts;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>The staff and coordinators' pages as people use them, through HTTP and their forms.</summary>
public sealed class StaffWorkTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(ReachAppFactory Factory, HttpClient Client)> StartAsync(params string[] roles)
    {
        var factory = new ReachAppFactory();
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        await StaffAppHost.AccountAsync(factory, "marie@sem.example", "sem", roles.Length == 0 ? [Roles.Staff] : roles);
        return (factory, await StaffAppHost.SignedInAsync(factory, "marie@sem.example"));
    }

    [Fact]
    public async Task Staff_record_an_appointment_see_its_reminders_move_it_and_mark_who_came()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;

        using (var wrong = await StaffAppHost.PostFormAsync(client, "/staff/appointments/new", new() { ["phone"] = "0470 12 34 5", ["language"] = "ar", ["date"] = "2026-12-04", ["time"] = "10:00" }))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(None)).ShouldContain("<p id=\"phone-error\" class=\"error\" role=\"alert\">0470 12 34 5 has 9 digits; a Belgian mobile has 10 digits, like 0470 12 34 56.</p>");
        }

        using var created = await StaffAppHost.PostFormAsync(client, "/staff/appointments/new", new()
        {
            ["phone"] = "0470 12 34 56", ["name"] = "Amal", ["language"] = "ar", ["date"] = "2026-12-04", ["time"] = "10:00", ["notes"] = "apporter le bail",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = created.Headers.Location!.ToString();
        details.ShouldBe("/staff/appointments/1");

        var page = await StaffAppHost.GetAsync(client, details);
        page.ShouldContain("Amal · +32470123456 · ar");
        page.ShouldContain("<td>reminder 1d@18:00</td><td>03/12 18:00</td><td><span class=\"state\">planned</span></td>");
        page.ShouldContain("<td>reminder 2h</td><td>04/12 08:00</td><td><span class=\"state\">planned</span></td>");
        (await StaffAppHost.GetAsync(client, "/staff/appointments?date=2026-12-04")).ShouldContain("Amal · +32470123456 · ar");

        using (var moved = await StaffAppHost.PostFormAsync(client, details, new() { ["date"] = "2026-12-07", ["time"] = "14:00" }, "Move"))
        {
            moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        page = await StaffAppHost.GetAsync(client, details);
        page.ShouldContain("Moved. The reminders are planned again and the person is told.");
        page.ShouldContain("<td>notice moved</td>");
        page.ShouldContain("<td>reminder 1d@18:00</td><td>06/12 18:00</td><td><span class=\"state\">planned</span></td>");

        // Four days later the session has expired: signing in again.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero));
        using (var expired = await client.GetAsync(details, None))
        {
            expired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var again = await StaffAppHost.SignedInAsync(factory, "marie@sem.example");
        using (var came = await StaffAppHost.PostFormAsync(again, details, new() { ["outcome"] = "attended" }, "Outcome"))
        {
            came.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await StaffAppHost.GetAsync(again, details)).ShouldContain("came: attended");
        (await StaffAppHost.GetAsync(again, "/staff/dashboard")).ShouldContain("<tr><td>2026-12</td><td>-</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0%</td></tr>");
        using var admin = await AdminAsync(factory);
        (await StaffAppHost.GetAsync(admin, "/admin/audit")).ShouldContain("<td>marie@sem.example</td><td>appointment.move</td><td>appointment 1 to 2026-12-07 14:00</td>");
    }

    [Fact]
    public async Task Staff_preview_a_broadcast_per_language_and_send_it()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        var contacts = factory.Services.GetRequiredService<IContactStore>();
        var subscriptions = factory.Services.GetRequiredService<SubscriptionStore>();
        foreach (var (phone, language) in new[] { ("+32470000001", "fr"), ("+32470000002", "ar"), ("+32470000003", "uk") })
        {
            var person = await contacts.GetOrCreateAsync("sem", "sms", phone, null, None);
            await contacts.SaveAsync(person with { Language = language }, None);
            await subscriptions.SubscribeAsync(person.Id, "news", None);
        }

        var form = new Dictionary<string, string> { ["audience"] = "news", ["texts[fr]"] = "Fermé ce vendredi.", ["texts[ar]"] = "مغلق يوم الجمعة." };
        using var preview = await StaffAppHost.PostFormAsync(client, "/staff/broadcasts/new", new(form), "Preview");
        var shown = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync(None));
        shown.ShouldContain("3 recipient(s): 3 by sms");
        shown.ShouldContain("<td>uk</td>");
        shown.ShouldContain("No text: write it, or tick \"send the source text\"");
        shown.ShouldContain("SMS: 2 segment(s), about 0.16 EUR.");

        using var refused = await StaffAppHost.PostFormAsync(client, "/staff/broadcasts/new", new(form), "Send");
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(None)).ShouldContain("No text in uk: write it, or choose to send the fr text to them.");

        form["sendSource"] = "true";
        using var sent = await StaffAppHost.PostFormAsync(client, "/staff/broadcasts/new", new(form), "Send");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = await StaffAppHost.GetAsync(client, sent.Headers.Location!.ToString());
        report.ShouldContain("To news · 3 recipient(s) · by marie@sem.example");
        report.ShouldContain("<tr><td>planned</td><td>3</td></tr>");
    }

    [Fact]
    public async Task Staff_answer_a_person_who_asked_for_someone_follow_and_close_the_conversation()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        var session = Guid.NewGuid().ToString();
        using (var chat = factory.CreateClient())
        {
            (await chat.PostAsJsonAsync("/chat/messages", new { session, text = "hola" }, None)).EnsureSuccessStatusCode();
            (await chat.PostAsJsonAsync("/chat/messages", new { session, text = "hablar con una persona" }, None)).EnsureSuccessStatusCode();
            (await chat.PostAsJsonAsync("/chat/messages", new { session, text = "tengo una carta del CPAS" }, None)).EnsureSuccessStatusCode();
        }

        var inbox = await StaffAppHost.GetAsync(client, "/staff/inbox");
        inbox.ShouldContain("— · web · es");
        var handoff = (await factory.Services.GetRequiredService<IContactStore>().OpenHandoffsAsync("sem", None)).Single();
        var path = $"/staff/inbox/{handoff.Id}";
        (await StaffAppHost.GetAsync(client, path)).ShouldContain("<span lang=\"es\" dir=\"auto\">tengo una carta del CPAS</span>");

        using (var reply = await StaffAppHost.PostFormAsync(client, path, new() { ["text"] = "Hola, venga el martes." }, "Reply"))
        {
            reply.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var page = await StaffAppHost.GetAsync(client, path);
        page.ShouldContain("Recorded, but not sent: the channel has no credentials (local outbox).");
        page.ShouldContain("<strong>Team</strong>");
        page.ShouldContain("Hola, venga el martes.");

        using (var follow = await StaffAppHost.PostFormAsync(client, path, [], "Assign"))
        {
            follow.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await StaffAppHost.GetAsync(client, "/staff/inbox")).ShouldContain("<td>marie</td>");
        using (var close = await StaffAppHost.PostFormAsync(client, path, [], "Close"))
        {
            close.Headers.Location!.ToString().ShouldBe("/staff/inbox");
        }

        (await StaffAppHost.GetAsync(client, "/staff/inbox")).ShouldContain("Nobody is waiting.");
    }

    [Fact]
    public async Task A_coordinator_edits_an_answer_in_Arabic_and_the_bot_answers_with_it_at_once()
    {
        var (factory, client) = await StartAsync(Roles.Coordinator);
        await using var _ = factory;
        using var __ = client;
        const string NewAnswer = "أحضر بطاقة الإقامة وآخر رسالة من البلدية.";
        var form = await StaffAppHost.GetAsync(client, "/content/faq/sem-faq-bring");
        form.ShouldContain("<textarea id=\"a-ar\" name=\"answers[ar]\" dir=\"rtl\"");

        using (var published = await StaffAppHost.PostFormAsync(client, "/content/faq/sem-faq-bring", StaffAppHost.Fields(form, ("answers[ar]", NewAnswer), ("note", "new documents"))))
        {
            published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await StaffAppHost.GetAsync(client, "/content/faq/sem-faq-bring")).ShouldContain("Published as version 2.");
        using var chat = factory.CreateClient();
        var session = Guid.NewGuid().ToString();
        using var response = await chat.PostAsJsonAsync("/chat/messages", new { session, text = "ماذا يجب أن أحضر معي؟", language = "ar" }, None);
        (await response.Content.ReadAsStringAsync(None)).ShouldContain(NewAnswer);
    }

    [Fact]
    public async Task A_publish_without_the_source_answer_is_refused_next_to_the_field()
    {
        var (factory, client) = await StartAsync(Roles.Coordinator);
        await using var _ = factory;
        using var __ = client;
        var form = await StaffAppHost.GetAsync(client, "/content/faq/sem-faq-bring");

        using var refused = await StaffAppHost.PostFormAsync(client, "/content/faq/sem-faq-bring", StaffAppHost.Fields(form, ("answers[fr]", "  ")));

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(None)).ShouldContain("<p id=\"err-fr\" class=\"error\" role=\"alert\">The answer in the source language is required: people of every language fall back to it.</p>");
        (await factory.Services.GetRequiredService<Reach.Content.Storage.IContentStore>().ListVersionsAsync("sem", None)).Count.ShouldBe(1);
    }

    private static async Task<HttpClient> AdminAsync(ReachAppFactory factory)
    {
        await StaffAppHost.AccountAsync(factory, "admin@sem.example", "sem", Roles.Admin);
        return await StaffAppHost.SignedInAsync(factory, "admin@sem.example");
    }
}
