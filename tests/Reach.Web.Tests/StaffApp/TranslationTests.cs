using System.Net;
using System.Net.Http.Json;
using Reach.Testing.Fakes;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>Translation statuses and machine drafts: never shown to people before review, unless the organisation allows it, labelled.</summary>
public sealed class TranslationTests
{
    private const string Path = "/content/faq/sem-faq-bring";
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<string> AskInArabicAsync(ReachAppFactory factory)
    {
        using var chat = factory.CreateClient();
        using var response = await chat.PostAsJsonAsync("/chat/messages", new { session = Guid.NewGuid().ToString(), text = "ماذا يجب أن أحضر معي؟", language = "ar" }, None);
        return System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync(None));
    }

    private static async Task<(ReachAppFactory, HttpClient)> StartAsync(FakeTranslatorServer translator, bool showUnreviewed = false)
    {
        var factory = new ReachAppFactory();
        factory.Settings["Translator:Key"] = FakeTranslatorServer.Key;
        factory.Settings["Translator:Endpoint"] = translator.Endpoint.ToString();
        if (showUnreviewed)
        {
            factory.Settings["Translator:ShowUnreviewedFor:0"] = "sem";
        }

        await StaffAppHost.AccountAsync(factory, "amina@sem.example", "sem", Roles.Coordinator);
        return (factory, await StaffAppHost.SignedInAsync(factory, "amina@sem.example"));
    }

    private static string Status(string page, string language) =>
        System.Text.RegularExpressions.Regex.Match(page, $"<span class=\"state\" id=\"status-{language}\">([^<]*)</span>").Groups[1].Value;

    [Fact]
    public async Task Changing_the_source_marks_the_other_languages_outdated_until_reviewed()
    {
        await using var translator = FakeTranslatorServer.Start();
        var (factory, client) = await StartAsync(translator);
        await using var _ = factory;
        using var __ = client;
        var page = await StaffAppHost.GetAsync(client, Path);
        Status(page, "ar").ShouldBe("reviewed");

        using (var published = await StaffAppHost.PostFormAsync(client, Path, StaffAppHost.Fields(page, ("answers[fr]", "Prenez votre carte d'identité et vos lettres."))))
        {
            published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        page = await StaffAppHost.GetAsync(client, Path);
        (Status(page, "fr"), Status(page, "ar"), Status(page, "uk"), Status(page, "es"), Status(page, "en")).ShouldBe(("source", "outdated", "outdated", "outdated", "outdated"));

        using (var reviewed = await StaffAppHost.PostFormAsync(client, Path, StaffAppHost.Fields(page, ("reviewed", "uk"))))
        {
            reviewed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        page = await StaffAppHost.GetAsync(client, Path);
        (Status(page, "uk"), Status(page, "ar")).ShouldBe(("reviewed", "outdated"));
    }

    [Fact]
    public async Task A_machine_draft_waits_for_review_before_people_get_it()
    {
        await using var translator = FakeTranslatorServer.Start();
        var (factory, client) = await StartAsync(translator);
        await using var _ = factory;
        using var __ = client;
        const string Source = "Prenez votre carte d'identité et vos lettres.";
        var page = await StaffAppHost.GetAsync(client, Path);
        using (await StaffAppHost.PostFormAsync(client, Path, StaffAppHost.Fields(page, ("answers[fr]", Source))))
        {
        }

        using (var draft = await StaffAppHost.PostFormAsync(client, Path, Path, [], "Draft&language=ar"))
        {
            draft.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        page = await StaffAppHost.GetAsync(client, Path);
        Status(page, "ar").ShouldBe("machine draft");
        page.ShouldContain($"dir=\"rtl\" aria-describedby=\"status-ar err-ar\">[ar] {Source}</textarea>");
        using (await StaffAppHost.PostFormAsync(client, Path, StaffAppHost.Fields(page)))
        {
        }

        (await AskInArabicAsync(factory)).ShouldNotContain("[ar]", Case.Sensitive, "an unreviewed machine draft is not shown to people");

        page = await StaffAppHost.GetAsync(client, Path);
        using (await StaffAppHost.PostFormAsync(client, Path, StaffAppHost.Fields(page, ("answers[ar]", "أحضر بطاقة هويتك ورسائلك."), ("reviewed", "ar"))))
        {
        }

        (await AskInArabicAsync(factory)).ShouldContain("أحضر بطاقة هويتك ورسائلك.");
        Status(await StaffAppHost.GetAsync(client, Path), "ar").ShouldBe("reviewed");
    }

    [Fact]
    public async Task An_organisation_that_allows_it_shows_unreviewed_drafts_labelled_as_machine_translated()
    {
        await using var translator = FakeTranslatorServer.Start();
        var (factory, client) = await StartAsync(translator, showUnreviewed: true);
        await using var _ = factory;
        using var __ = client;
        var page = await StaffAppHost.GetAsync(client, Path);
        using (await StaffAppHost.PostFormAsync(client, Path, StaffAppHost.Fields(page, ("answers[fr]", "Prenez vos papiers."))))
        {
        }

        using (await StaffAppHost.PostFormAsync(client, Path, Path, [], "Draft&language=ar"))
        {
        }

        page = await StaffAppHost.GetAsync(client, Path);
        using (await StaffAppHost.PostFormAsync(client, Path, StaffAppHost.Fields(page)))
        {
        }

        (await AskInArabicAsync(factory)).ShouldContain("[ar] Prenez vos papiers. (ترجمة آلية)");
    }

    [Fact]
    public async Task When_the_translator_fails_nothing_changes_and_the_coordinator_is_told()
    {
        await using var translator = FakeTranslatorServer.Start();
        translator.Failing = true;
        var (factory, client) = await StartAsync(translator);
        await using var _ = factory;
        using var __ = client;
        var page = await StaffAppHost.GetAsync(client, Path);
        using (await StaffAppHost.PostFormAsync(client, Path, StaffAppHost.Fields(page, ("answers[fr]", "Prenez vos papiers."))))
        {
        }

        using (await StaffAppHost.PostFormAsync(client, Path, Path, [], "Draft&language=ar"))
        {
        }

        page = await StaffAppHost.GetAsync(client, Path);
        page.ShouldContain("The translator did not answer (Translator answered 503 (503000): Service is temporarily unavailable. Retry.). Nothing was changed.");
        Status(page, "ar").ShouldBe("outdated");
    }
}
