using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Reach.Content.Drafts;
using Reach.Content.Model;
using Reach.Content.Storage;
using Reach.Testing.Fakes;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>
/// Editing services, activities, partners and sensitive topics as a coordinator does: the form as the browser sends it
/// back (every field, ticked boxes, selected options), drafts and publishing, errors next to the field, statuses.
/// </summary>
public sealed partial class ContentEditorTests
{
    private const string Desk = "/content/services/sem-social-desk";
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(ReachAppFactory Factory, HttpClient Client)> StartAsync(FakeTranslatorServer? translator = null)
    {
        var factory = new ReachAppFactory();
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        if (translator is not null)
        {
            factory.Settings["Translator:Key"] = FakeTranslatorServer.Key;
            factory.Settings["Translator:Endpoint"] = translator.Endpoint.ToString();
        }

        await StaffAppHost.AccountAsync(factory, "amina@sem.example", "sem", Roles.Coordinator, Roles.Staff);
        return (factory, await StaffAppHost.SignedInAsync(factory, "amina@sem.example"));
    }

    private static async Task<string> AskAsync(ReachAppFactory factory, string text, string language = "fr")
    {
        using var chat = factory.CreateClient();
        using var response = await chat.PostAsJsonAsync("/chat/messages", new { session = Guid.NewGuid().ToString(), text, language }, None);
        return Regex.Unescape(await response.Content.ReadAsStringAsync(None));
    }

    private static async Task<OrganisationContent> PublishedAsync(ReachAppFactory factory) =>
        (await factory.Services.GetRequiredService<IContentStore>().GetPublishedAsync("sem", None))!.Content;

    private static async Task<int> VersionAsync(ReachAppFactory factory) =>
        (await factory.Services.GetRequiredService<IContentStore>().GetPublishedAsync("sem", None))!.Version;

    /// <summary>The editor's form as a browser sends it: text inputs and hidden fields, ticked boxes, textareas, selected options.</summary>
    private static List<KeyValuePair<string, string>> FormOf(string page)
    {
        var start = page.IndexOf("<form method=\"post\">", StringComparison.Ordinal);
        var form = page[start..page.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in Input().Matches(form))
        {
            var attributes = Attribute().Matches(input.Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value));
            var isBox = attributes.GetValueOrDefault("type") is "checkbox" or "radio";
            if (attributes.TryGetValue("name", out var name) && (!isBox || input.Value.Contains(" checked", StringComparison.Ordinal)))
            {
                fields.Add(new(name, attributes.GetValueOrDefault("value") ?? (isBox ? "on" : string.Empty)));
            }
        }

        foreach (Match area in TextArea().Matches(form))
        {
            fields.Add(new(area.Groups[1].Value, WebUtility.HtmlDecode(area.Groups[2].Value)));
        }

        foreach (Match select in Select().Matches(form))
        {
            var selected = Selected().Match(select.Groups[2].Value);
            var value = selected.Success ? selected.Groups[1].Value : Option().Match(select.Groups[2].Value).Groups[1].Value;
            fields.Add(new(select.Groups[1].Value, WebUtility.HtmlDecode(value)));
        }

        return fields;
    }

    /// <summary>Sets a field (replacing every value of that name), or adds a value when <paramref name="add"/>.</summary>
    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string name, string value, bool add = false)
    {
        if (!add)
        {
            fields.RemoveAll(f => f.Key == name);
        }

        fields.Add(new(name, value));
        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, List<KeyValuePair<string, string>> fields, string action = "publish")
    {
        With(fields, "Action", action);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields), None);
    }

    private static async Task<string> TextOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(None));

    [Fact]
    public async Task Changing_the_desk_hours_and_publishing_changes_the_answer_at_once()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        (await AskAsync(factory, "la permanence sociale est ouverte aujourd'hui ?")).ShouldContain("ouvert le jeudi 3 décembre, 09:00–12:00");
        var page = await StaffAppHost.GetAsync(client, Desk);
        page.ShouldContain("<fieldset dir=\"rtl\" lang=\"ar\">");
        var form = FormOf(page);
        form.ShouldContain(KeyValuePair.Create("Hours[0].Days", "Tuesday"));
        form.ShouldContain(KeyValuePair.Create("Hours[1].Weeks", "2, 4"));

        using var saved = await PostAsync(client, Desk, With(form, "Hours[0].From", "09:30"));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await VersionAsync(factory)).ShouldBe(2);
        (await AskAsync(factory, "la permanence sociale est ouverte aujourd'hui ?")).ShouldContain("ouvert le jeudi 3 décembre, 09:30–12:00");
        var published = (await PublishedAsync(factory)).Services.Single(s => s.Id == "sem-social-desk");
        published.Hours[1].Weeks.ShouldBe([2, 4], "fields the row did not change are kept");
        published.Hours[1].Note!.Find("ar").ShouldBe("يوم الجمعة، غالبًا بموعد.");
        published.Bring.Count.ShouldBe(3);
        published.Keywords.Get("fr").ShouldContain("permanence sociale", "fields the form does not show are kept");
        (await StaffAppHost.GetAsync(client, Desk)).ShouldContain("Published as version 2: Reach uses it now.");
    }

    [Fact]
    public async Task A_draft_changes_nothing_for_people_until_it_is_published()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        var form = FormOf(await StaffAppHost.GetAsync(client, Desk));
        With(form, "Hours[0].Days", "Wednesday", add: true);

        using var saved = await PostAsync(client, Desk, form, action: "draft");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StaffAppHost.GetAsync(client, Desk)).ShouldContain("Saved in the draft. People still get the published version until the draft is published.");
        (await VersionAsync(factory)).ShouldBe(1);
        (await PublishedAsync(factory)).Services[0].Hours[0].Days.Count.ShouldBe(2);
        var overview = await StaffAppHost.GetAsync(client, "/content");
        overview.ShouldContain("A draft by amina@sem.example holds 1 change(s) not published yet.");
        var draft = await StaffAppHost.GetAsync(client, "/content/draft");
        Regex.Replace(draft, @"\s+", " ").ShouldContain("<tr><td>services</td><td> <a href=\"/content/services/sem-social-desk\">Permanence sociale</a> </td><td>changed</td></tr>");

        using var published = await StaffAppHost.PostFormAsync(client, "/content/draft", "/content/draft", new() { ["Note"] = "permanence aussi le mercredi" }, "Publish");

        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await VersionAsync(factory)).ShouldBe(2);
        (await PublishedAsync(factory)).Services[0].Hours[0].Days.Count.ShouldBe(3);
        (await factory.Services.GetRequiredService<IContentStore>().ListVersionsAsync("sem", None))[^1].Note.ShouldBe("permanence aussi le mercredi");
        (await factory.Services.GetRequiredService<ContentDraftStore>().GetAsync("sem", None)).ShouldBeNull();
        (await StaffAppHost.GetAsync(client, "/content/draft")).ShouldContain("No draft");
    }

    [Fact]
    public async Task An_answer_saved_as_draft_is_published_with_the_draft()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        const string Path = "/content/faq/sem-faq-bring";
        var page = await StaffAppHost.GetAsync(client, Path);
        var fields = StaffAppHost.Fields(page, ("answers[fr]", "Apportez votre carte d'identité et le dernier courrier reçu."));
        fields["Action"] = "draft";

        using (var saved = await StaffAppHost.PostFormAsync(client, Path, fields))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await VersionAsync(factory)).ShouldBe(1);
        (await AskAsync(factory, "quels papiers apporter ?")).ShouldNotContain("dernier courrier reçu");
        (await StaffAppHost.GetAsync(client, Path)).ShouldContain("This entry has changes in the draft that are not published yet.");
        (await StaffAppHost.GetAsync(client, "/content/draft")).ShouldContain("<a href=\"/content/faq/sem-faq-bring\">");

        using var published = await StaffAppHost.PostFormAsync(client, "/content/draft", "/content/draft", new(), "Publish");

        (await VersionAsync(factory)).ShouldBe(2);
        (await AskAsync(factory, "quels papiers apporter ?")).ShouldContain("dernier courrier reçu");
    }

    [Fact]
    public async Task A_closure_published_while_a_draft_waits_is_kept_and_the_same_item_is_flagged()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        var form = FormOf(await StaffAppHost.GetAsync(client, Desk));
        using (var saved = await PostAsync(client, Desk, With(form, "Texts[summary.fr]", "Aide pour vos papiers."), action: "draft"))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        foreach (var item in new[] { "sem-social-desk", "sem-legal-desk" })
        {
            using var closed = await StaffAppHost.PostFormAsync(client, "/staff/closure", new()
            {
                ["item"] = item, ["from"] = "2026-12-03", ["to"] = "2026-12-03", ["reasons[fr]"] = "Panne de chauffage",
            });
            closed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var draft = await StaffAppHost.GetAsync(client, "/content/draft");
        draft.ShouldContain("Changed both in the draft and in a version published since");
        draft.ShouldContain("<li>services: Permanence sociale</li>");
        using var published = await StaffAppHost.PostFormAsync(client, "/content/draft", "/content/draft", new(), "Publish");

        var content = await PublishedAsync(factory);
        content.Services.Single(s => s.Id == "sem-legal-desk").Closures.ShouldContain(c => c.Reason.Find("fr") == "Panne de chauffage");
        var desk = content.Services.Single(s => s.Id == "sem-social-desk");
        desk.Summary!.Find("fr").ShouldBe("Aide pour vos papiers.");
        desk.Closures.ShouldContain(c => c.Reason.Find("fr") == "Panne de chauffage", "the closure page also writes the closure into the draft");
    }

    [Fact]
    public async Task Wrong_hours_are_refused_next_to_the_row_and_nothing_is_saved()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        var form = FormOf(await StaffAppHost.GetAsync(client, Desk));
        With(form, "Hours[0].To", "08:00");
        form.RemoveAll(f => f.Key == "Hours[1].Days");
        With(form, "Hours[1].Weeks", "2, 6");
        With(form, "Closures[0].To", "2026-12-01");

        using var refused = await PostAsync(client, Desk, form, action: "draft");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await TextOf(refused);
        page.ShouldContain("Nothing was saved: correct the fields marked below.");
        page.ShouldContain("The end (08:00) must be after the start (09:00).");
        page.ShouldContain("Tick at least one day.");
        page.ShouldContain("'6' is not a week of the month: write 1 to 5 or last, e.g. \"1, 3\".");
        page.ShouldContain("The last day closed must be on or after the first.");
        page.ShouldContain("value=\"08:00\"", customMessage: "what was typed is kept");
        (await factory.Services.GetRequiredService<ContentDraftStore>().GetAsync("sem", None)).ShouldBeNull();
        (await VersionAsync(factory)).ShouldBe(1);
    }

    [Fact]
    public async Task A_new_service_needs_a_name_in_the_source_language_and_a_free_short_name()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        var form = FormOf(await StaffAppHost.GetAsync(client, "/content/services/new"));
        With(form, "NewItemId", "sem-social-desk");
        With(form, "Texts[title.ar]", "متجر الملابس");

        var refused = await TextOf(await PostAsync(client, "/content/services/new", form));

        refused.ShouldContain("'sem-social-desk' is already used: choose another name.");
        refused.ShouldContain("The name in fr is required: people of every language fall back to it.");

        With(form, "NewItemId", "sem-clothing-shop");
        With(form, "Texts[title.fr]", "Vestiboutique");
        With(form, "Hours[0].Days", "Wednesday");
        With(form, "Hours[0].From", "13:30");
        With(form, "Hours[0].To", "16h");
        using var created = await PostAsync(client, "/content/services/new", form);

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await TextOf(created));
        created.Headers.Location!.ToString().ShouldBe("/content/services/sem-clothing-shop");
        var shop = (await PublishedAsync(factory)).Services.Single(s => s.Id == "sem-clothing-shop");
        shop.Title.Find("ar").ShouldBe("متجر الملابس");
        shop.Hours.ShouldHaveSingleItem().To.ToString("HH:mm", null).ShouldBe("16:00");
        (await StaffAppHost.GetAsync(client, "/content")).ShouldContain("<a href=\"/content/services/sem-clothing-shop\">Vestiboutique</a>");
    }

    [Fact]
    public async Task Sessions_are_added_and_cancelled_with_a_reason_in_each_language()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        const string Path = "/content/activities/sem-article27-theatre";
        var before = (await PublishedAsync(factory)).Activities.Single(a => a.Id == "sem-article27-theatre");
        var form = FormOf(await StaffAppHost.GetAsync(client, Path));
        var blank = before.Sessions.Count;
        With(form, $"Sessions[{blank}].Date", "2027-01-20");
        With(form, $"Sessions[{blank}].From", "20:00");
        With(form, $"Sessions[{blank}].To", "22:00");
        With(form, $"Sessions[{blank}].Capacity", "12");
        With(form, "Sessions[0].Cancelled[fr]", "Spectacle annulé par le théâtre");
        With(form, "Sessions[0].Cancelled[ar]", "ألغى المسرح العرض");

        using var saved = await PostAsync(client, Path, form);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = (await PublishedAsync(factory)).Activities.Single(a => a.Id == "sem-article27-theatre");
        after.Sessions.Count.ShouldBe(blank + 1);
        after.Sessions[^1].ShouldSatisfyAllConditions(
            s => s.Id.ShouldBe("2027-01-20"),
            s => s.Capacity.ShouldBe(12));
        after.Sessions[0].Cancelled!.Find("ar").ShouldBe("ألغى المسرح العرض");
        after.Sessions[0].MeetingPoint?.Find("fr").ShouldBe(before.Sessions[0].MeetingPoint?.Find("fr"));
    }

    [Fact]
    public async Task A_session_people_signed_up_for_is_cancelled_not_moved_or_removed()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        const string Path = "/content/activities/sem-cooking-workshop";
        var activity = (await PublishedAsync(factory)).Activities.Single(a => a.Id == "sem-cooking-workshop");
        var index = activity.Sessions.ToList().FindIndex(s => s.Id == "sem-cooking-2027-01-15");
        var contact = await factory.Services.GetRequiredService<Reach.Notifications.Contacts.IContactStore>().GetOrCreateAsync("sem", "sms", "+32470123456", "Samira", None);
        await factory.Services.GetRequiredService<Reach.Notifications.Signups.SignupStore>().SignUpAsync("sem", activity.Id, "sem-cooking-2027-01-15", contact.Id, 10, None);
        var page = await StaffAppHost.GetAsync(client, Path);
        page.ShouldContain("<a href=\"/staff/sessions/sem-cooking-workshop/sem-cooking-2027-01-15\">1 signed up, 0 waiting</a>");

        var moved = await TextOf(await PostAsync(client, Path, With(FormOf(page), $"Sessions[{index}].Date", "2027-01-22")));
        moved.ShouldContain("1 signed up and 0 waiting for 2027-01-15 " + activity.Sessions[index].From.ToString("HH:mm", null) + ": to change the day or time, cancel this session with a reason and add a new one.");
        var removed = await TextOf(await PostAsync(client, Path, With(FormOf(page), $"Sessions[{index}].Remove", "true")));
        removed.ShouldContain("1 signed up and 0 waiting: do not remove this session. Cancel it with a reason instead, so they can be told.");
        (await VersionAsync(factory)).ShouldBe(1);

        (await PostAsync(client, Path, With(FormOf(page), $"Sessions[{index}].Cancelled[fr]", "Cuisine en travaux"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StaffAppHost.GetAsync(client, Path)).ShouldContain("/staff/broadcasts/new?audience=session%3Asem-cooking-workshop%2Fsem-cooking-2027-01-15&text=");
        (await PublishedAsync(factory)).Activities.Single(a => a.Id == "sem-cooking-workshop").Sessions[index].Cancelled!.Find("fr").ShouldBe("Cuisine en travaux");
    }

    [Fact]
    public async Task A_partner_needs_a_way_to_be_reached_and_a_sensitive_topic_a_number_people_can_call()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        const string Partner = "/content/referrals/sem-ref-cpas-gembloux";
        var form = FormOf(await StaffAppHost.GetAsync(client, Partner));
        foreach (var field in new[] { "Phone", "Email", "Website", "Address" })
        {
            With(form, field, string.Empty);
        }

        (await TextOf(await PostAsync(client, Partner, form))).ShouldContain("Give at least a phone, an email, a website or an address: people need a way to reach them.");
        With(form, "Phone", "081 62 74 00");
        (await PostAsync(client, Partner, form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PublishedAsync(factory)).Referrals.Single(r => r.Id == "sem-ref-cpas-gembloux").Contact.Phone.ShouldBe("081 62 74 00");

        const string Topic = "/content/safety/sem-safety-violence";
        form = FormOf(await StaffAppHost.GetAsync(client, Topic));
        var blank = (await PublishedAsync(factory)).Safety.Single(t => t.Id == "sem-safety-violence").Contacts.Count;
        With(form, $"Contacts[{blank}].Name[fr]", "Écoute violences conjugales");
        With(form, $"Contacts[{blank}].Phone", "0800-30-030 (gratuit)");
        (await TextOf(await PostAsync(client, Topic, form))).ShouldContain("Give the number to call, digits only (spaces, +, / and dots allowed), e.g. 0800 30 030.");
        With(form, $"Contacts[{blank}].Phone", "0800 30 030");
        With(form, "Triggers[ar]", (form.Single(f => f.Key == "Triggers[ar]").Value + "\nيضربني زوجي").Trim());
        (await PostAsync(client, Topic, form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var topic = (await PublishedAsync(factory)).Safety.Single(t => t.Id == "sem-safety-violence");
        topic.Contacts[^1].Phone.ShouldBe("0800 30 030");
        topic.Triggers.Get("ar").ShouldContain("يضربني زوجي");
        (await AskAsync(factory, "يضربني زوجي", "ar")).ShouldContain("0800 30 030");
    }

    [Fact]
    public async Task Changing_a_source_text_marks_the_translations_outdated_and_machine_drafts_wait_for_review()
    {
        await using var translator = FakeTranslatorServer.Start();
        var (factory, client) = await StartAsync(translator);
        await using var _ = factory;
        using var __ = client;
        var form = FormOf(await StaffAppHost.GetAsync(client, Desk));
        (await PostAsync(client, Desk, With(form, "Texts[hours_note.fr]", "Venez tôt : il peut y avoir de l'attente."))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await StaffAppHost.GetAsync(client, Desk);
        StatusOf(page, "hours_note", "ar").ShouldBe("outdated");
        StatusOf(page, "title", "ar").ShouldBe("reviewed");

        using (var drafted = await StaffAppHost.PostFormAsync(client, Desk, Desk, new(), "Drafts"))
        {
            drafted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        page = await StaffAppHost.GetAsync(client, Desk);
        page.ShouldContain("4 machine draft(s): read them, correct them, tick Reviewed, then save.");
        StatusOf(page, "hours_note", "uk").ShouldBe("machine draft");
        var machine = FormOf(page).Single(f => f.Key == "Texts[hours_note.uk]").Value;
        machine.ShouldStartWith("[uk]");
        (await PostAsync(client, Desk, FormOf(page))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PublishedAsync(factory)).Services[0].HoursNote!.Find("uk").ShouldNotBe(machine, "an unreviewed machine draft is not published");

        form = FormOf(await StaffAppHost.GetAsync(client, Desk));
        (await PostAsync(client, Desk, With(form, "Reviewed", "uk"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PublishedAsync(factory)).Services[0].HoursNote!.Find("uk").ShouldBe(machine);
        StatusOf(await StaffAppHost.GetAsync(client, Desk), "hours_note", "uk").ShouldBe("reviewed");
    }

    [Fact]
    public async Task Another_organisations_items_are_not_found()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        var cssbse = (await factory.Services.GetRequiredService<IContentStore>().GetPublishedAsync("cssbse", None))!.Content;

        foreach (var path in new[] { $"/content/services/{cssbse.Services[0].Id}", $"/content/activities/{cssbse.Activities[0].Id}", $"/content/referrals/{cssbse.Referrals[0].Id}", $"/content/safety/{cssbse.Safety[0].Id}" })
        {
            using var response = await client.GetAsync(path, None);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }
    }

    private static string StatusOf(string page, string field, string language) =>
        Regex.Match(page, $"<span class=\"state\" id=\"s-{field}-{language}\">([^<]*)</span>").Groups[1].Value;

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("([A-Za-z_-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("<textarea [^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex TextArea();

    [GeneratedRegex("<select [^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected=\"selected\"")]
    private static partial Regex Selected();

    [GeneratedRegex("<option value=\"([^\"]*)\"")]
    private static partial Regex Option();
}
