using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reach.Content.Storage;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>Questions not understood: grouped across languages, then added to an entry or made into a new one.</summary>
public sealed class QuestionsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(ReachAppFactory, HttpClient)> StartAsync()
    {
        var factory = new ReachAppFactory();
        await StaffAppHost.AccountAsync(factory, "amina@sem.example", "sem", Roles.Staff, Roles.Coordinator);
        var unanswered = factory.Services.GetRequiredService<IUnansweredQuestions>();
        await unanswered.RecordAsync("sem", "fr", "un boulot pour ma fille ?", None);
        await unanswered.RecordAsync("sem", "es", "¿trabajo para mi hija?", None);
        await unanswered.RecordAsync("sem", "fr", "un boulot pour ma fille ?", None);
        await unanswered.RecordAsync("sem", "fr", "vous réparez les vélos ?", None);
        return (factory, await StaffAppHost.SignedInAsync(factory, "amina@sem.example"));
    }

    [Fact]
    public async Task The_same_question_in_two_languages_is_one_group_shown_in_the_readers_language()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;

        var page = await StaffAppHost.GetAsync(client, "/staff/questions");

        page.ShouldContain("<h2 dir=\"auto\">un boulot pour ma fille ?</h2>\n        <p>Asked 3 time(s), last on");
        page.ShouldContain("in fr, es.</p>");
        page.ShouldContain("<li dir=\"auto\" lang=\"es\">¿trabajo para mi hija? <small>(es)</small></li>");
        page.ShouldContain("<h2 dir=\"auto\">vous réparez les vélos ?</h2>\n        <p>Asked 1 time(s)");
    }

    [Fact]
    public async Task A_coordinator_adds_a_group_as_ways_of_asking_an_entry_and_it_leaves_the_list()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        var page = await StaffAppHost.GetAsync(client, "/staff/questions");
        var group = System.Text.RegularExpressions.Regex.Match(page, "name=\"group\" value=\"(concepts:[^\"]+)\"").Groups[1].Value;
        group.ShouldNotBeEmpty();

        using var added = await StaffAppHost.PostFormAsync(client, "/staff/questions", new() { ["group"] = group, ["entry"] = "sem-faq-bring" }, "Variant");

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await StaffAppHost.GetAsync(client, "/staff/questions");
        page.ShouldContain("and published (version 2). Reach now understands it.");
        page.ShouldNotContain("un boulot pour ma fille");
        var faq = (await factory.Services.GetRequiredService<IContentStore>().GetPublishedAsync("sem", None))!.Content.Faq.Single(f => f.Id == "sem-faq-bring");
        faq.Questions.Get("fr").ShouldContain("un boulot pour ma fille ?");
        faq.Questions.Get("es").ShouldContain("¿trabajo para mi hija?");
    }

    [Fact]
    public async Task A_new_entry_is_started_from_a_question_and_published()
    {
        var (factory, client) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        var form = await StaffAppHost.GetAsync(client, "/content/faq/new?language=fr&question=vous%20r%C3%A9parez%20les%20v%C3%A9los%20%3F");
        form.ShouldContain(">vous réparez les vélos ?</textarea>");

        using var taken = await StaffAppHost.PostFormAsync(client, "/content/faq/new", new() { ["entryId"] = "sem-faq-bring", ["questions[fr]"] = "vélo ?", ["answers[fr]"] = "Non." });
        WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync(None)).ShouldContain("sem-faq-bring is already used; choose another identifier.");

        using var created = await StaffAppHost.PostFormAsync(client, "/content/faq/new", new()
        {
            ["entryId"] = "sem-faq-bikes", ["topic"] = "other", ["questions[fr]"] = "vous réparez les vélos ?", ["answers[fr]"] = "Non, mais le Repair Café de Gembloux le fait le premier samedi du mois.",
        });
        created.Headers.Location!.ToString().ShouldBe("/content/faq/sem-faq-bikes");
        (await StaffAppHost.GetAsync(client, "/content/faq")).ShouldContain("vous réparez les vélos ?");
    }
}
