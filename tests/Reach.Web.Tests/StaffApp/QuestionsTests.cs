using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reach.Content.Storage;
using Reach.Testing.Fakes;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>Questions not understood: grouped across languages, then added to an entry or made into a new one.</summary>
public sealed class QuestionsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private const string Arabic = "هل يوجد مسبح في البلدة؟";

    private static async Task<(ReachAppFactory, HttpClient)> StartAsync(FakeTranslatorServer? translator = null)
    {
        var factory = new ReachAppFactory();
        if (translator is not null)
        {
            factory.Settings["Translator:Key"] = FakeTranslatorServer.Key;
            factory.Settings["Translator:Endpoint"] = translator.Endpoint.ToString();
        }

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

        page.ShouldContain("<h2 lang=\"fr\" dir=\"auto\">un boulot pour ma fille ?</h2>\n        <p>Asked 3 time(s), last on");
        page.ShouldContain("in fr, es.</p>");
        page.ShouldContain("<li dir=\"auto\" lang=\"es\">¿trabajo para mi hija? <small>(es)</small></li>");
        page.ShouldContain("<h2 lang=\"fr\" dir=\"auto\">vous réparez les vélos ?</h2>\n        <p>Asked 1 time(s)");
        page.ShouldNotContain("Machine translation", Case.Sensitive, "no translator configured");
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

    [Fact]
    public async Task A_group_in_another_language_is_also_shown_in_the_readers_language_asked_once()
    {
        await using var translator = FakeTranslatorServer.Start();
        var (factory, client) = await StartAsync(translator);
        await using var _ = factory;
        using var __ = client;
        await factory.Services.GetRequiredService<IUnansweredQuestions>().RecordAsync("sem", "ar", Arabic, None);

        var page = await StaffAppHost.GetAsync(client, "/staff/questions");

        page.ShouldContain($"<h2 lang=\"ar\" dir=\"rtl\">{Arabic}</h2>\n            <p><small>Machine translation (fr):</small> <span lang=\"fr\" dir=\"auto\">[fr] {Arabic}</span></p>");
        page.ShouldContain("<h2 lang=\"fr\" dir=\"auto\">un boulot pour ma fille ?</h2>\n        <p>Asked 3 time(s)", Case.Sensitive, "a group with a text in the reader's language needs no translation");
        page.ShouldNotContain("[fr] un boulot");
        translator.Requests.ShouldBe(1);

        (await StaffAppHost.GetAsync(client, "/staff/questions")).ShouldContain($"[fr] {Arabic}");
        translator.Requests.ShouldBe(1, "the second view takes the translation from the cache");
    }

    [Fact]
    public async Task A_failing_translator_leaves_the_questions_as_written_with_a_note()
    {
        await using var translator = FakeTranslatorServer.Start();
        translator.Failing = true;
        translator.FailureStatus = 500;
        var (factory, client) = await StartAsync(translator);
        await using var _ = factory;
        using var __ = client;
        await factory.Services.GetRequiredService<IUnansweredQuestions>().RecordAsync("sem", "ar", Arabic, None);

        var page = await StaffAppHost.GetAsync(client, "/staff/questions");

        page.ShouldContain("<p class=\"warning\" role=\"status\">The translator did not answer: the questions are shown as written.</p>");
        page.ShouldContain($"<h2 lang=\"ar\" dir=\"rtl\">{Arabic}</h2>");
        page.ShouldNotContain("Machine translation");
    }
}
