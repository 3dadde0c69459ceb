using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reach.Notifications.Contacts;
using Reach.Testing.Fakes;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>
/// A conversation shows the person's words as written and, under them, a machine translation into the staff member's
/// language: one request per page, none when the languages match, none again on a second view; a failing or slow
/// translator leaves the originals and a note, and no words in the logs.
/// </summary>
public sealed class InboxTranslationTests
{
    private const string First = "أريد التحدث مع شخص";
    private const string Second = "عندي رسالة من البلدية";
    private const string Note = "The translator did not answer: messages are shown as written.";
    private static readonly CancellationToken None = CancellationToken.None;

    private static CapturedLogsAppFactory Factory(FakeTranslatorServer? translator, ConcurrentQueue<string>? logs = null, string? pageTimeout = null)
    {
        var factory = new CapturedLogsAppFactory(logs);
        if (translator is not null)
        {
            factory.Settings["Translator:Key"] = FakeTranslatorServer.Key;
            factory.Settings["Translator:Endpoint"] = translator.Endpoint.ToString();
        }

        if (pageTimeout is not null)
        {
            factory.Settings["Translator:PageTimeout"] = pageTimeout;
        }

        return factory;
    }

    /// <summary>A person in <paramref name="language"/> who wrote twice, got an answer from Reach and asked for a person.</summary>
    internal static async Task<string> ConversationAsync(ReachAppFactory factory, string language, params string[] words)
    {
        var store = factory.Services.GetRequiredService<IContactStore>();
        var contact = await store.GetOrCreateAsync("sem", "web", Guid.NewGuid().ToString(), "Amal", None);
        await store.SaveAsync(contact with { Language = language, Stage = "ready" }, None);
        await store.AddMessageAsync(contact.Id, "in", words[0], None);
        await store.AddMessageAsync(contact.Id, "out", "Reach: une personne vous répond bientôt.", None);
        foreach (var word in words.Skip(1))
        {
            await store.AddMessageAsync(contact.Id, "in", word, None);
        }

        (await store.OpenHandoffAsync(contact.Id, "sem", "asked for a person", None)).ShouldBeTrue();
        return $"/staff/inbox/{(await store.OpenHandoffsAsync("sem", None)).Single(h => h.ContactId == contact.Id).Id}";
    }

    private static async Task<(ReachAppFactory, HttpClient)> StartAsync(FakeTranslatorServer? translator, string staffLanguage = "fr", ConcurrentQueue<string>? logs = null, string? pageTimeout = null)
    {
        var factory = Factory(translator, logs, pageTimeout);
        (await factory.Services.GetRequiredService<AccountStore>().CreateAsync("sem", "marie@sem.example", "marie", [Roles.Staff], staffLanguage, StaffAppHost.Password, None)).Error.ShouldBeNull();
        return (factory, await StaffAppHost.SignedInAsync(factory, "marie@sem.example"));
    }

    [Fact]
    public async Task An_Arabic_message_is_shown_with_its_French_translation_in_one_request_and_not_asked_again()
    {
        await using var translator = FakeTranslatorServer.Start();
        var (factory, client) = await StartAsync(translator);
        await using var _ = factory;
        using var __ = client;
        var path = await ConversationAsync(factory, "ar", First, Second);

        var page = await StaffAppHost.GetAsync(client, path);

        page.ShouldContain($"<span lang=\"ar\" dir=\"rtl\">{First}</span>");
        page.ShouldContain($"<small>Machine translation (fr):</small> <span class=\"translation\" lang=\"fr\" dir=\"auto\">[fr] {First}</span>");
        page.ShouldContain($"<span lang=\"ar\" dir=\"rtl\">{Second}</span>");
        page.ShouldContain($"<span class=\"translation\" lang=\"fr\" dir=\"auto\">[fr] {Second}</span>");
        page.ShouldNotContain("[fr] Reach:", Case.Sensitive, "Reach's own answers are not translated");
        page.ShouldNotContain(Note);
        translator.Requests.ShouldBe(1, "both messages in one request");

        page = await StaffAppHost.GetAsync(client, path);

        page.ShouldContain($"<span class=\"translation\" lang=\"fr\" dir=\"auto\">[fr] {Second}</span>");
        translator.Requests.ShouldBe(1, "a second view takes the translations from the cache");
    }

    [Fact]
    public async Task A_French_message_is_translated_right_to_left_for_an_Arabic_speaking_account()
    {
        await using var translator = FakeTranslatorServer.Start();
        var (factory, client) = await StartAsync(translator, staffLanguage: "ar");
        await using var _ = factory;
        using var __ = client;
        var path = await ConversationAsync(factory, "fr", "j'ai reçu une lettre du CPAS");

        var page = await StaffAppHost.GetAsync(client, path);

        page.ShouldContain("<span lang=\"fr\" dir=\"auto\">j'ai reçu une lettre du CPAS</span>");
        page.ShouldContain("<small>Machine translation (ar):</small> <span class=\"translation\" lang=\"ar\" dir=\"rtl\">[ar] j'ai reçu une lettre du CPAS</span>");
    }

    [Fact]
    public async Task Nothing_is_asked_when_the_languages_match_or_no_translator_is_configured()
    {
        await using var translator = FakeTranslatorServer.Start();
        var (factory, client) = await StartAsync(translator);
        await using (factory)
        using (client)
        {
            var page = await StaffAppHost.GetAsync(client, await ConversationAsync(factory, "fr", "j'ai reçu une lettre du CPAS"));
            page.ShouldContain("<span lang=\"fr\" dir=\"auto\">j'ai reçu une lettre du CPAS</span>");
            page.ShouldNotContain("Machine translation");
            translator.Requests.ShouldBe(0);
        }

        var withoutKey = new CapturedLogsAppFactory(null);
        withoutKey.Settings["Translator:Endpoint"] = translator.Endpoint.ToString();
        await using (withoutKey)
        {
            await StaffAppHost.AccountAsync(withoutKey, "marie@sem.example", "sem", Roles.Staff);
            using var signedIn = await StaffAppHost.SignedInAsync(withoutKey, "marie@sem.example");
            var page = await StaffAppHost.GetAsync(signedIn, await ConversationAsync(withoutKey, "ar", First));
            page.ShouldContain($"<span lang=\"ar\" dir=\"rtl\">{First}</span>");
            page.ShouldNotContain("Machine translation");
            page.ShouldNotContain("Translate my answer");
            translator.Requests.ShouldBe(0);
        }
    }

    [Theory]
    [InlineData("failing")]
    [InlineData("slow")]
    public async Task A_translator_that_fails_or_is_slow_leaves_the_messages_as_written_with_a_note(string trouble)
    {
        await using var translator = FakeTranslatorServer.Start();
        var logs = new ConcurrentQueue<string>();
        var (factory, client) = await StartAsync(translator, logs: logs, pageTimeout: "00:00:01");
        await using var _ = factory;
        using var __ = client;
        var path = await ConversationAsync(factory, "ar", First, Second);
        if (trouble == "failing")
        {
            (translator.Failing, translator.FailureStatus) = (true, 500);
        }
        else
        {
            translator.Delay = TimeSpan.FromSeconds(4);
        }

        using var response = await client.GetAsync(path, None);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(None));
        page.ShouldContain($"<span lang=\"ar\" dir=\"rtl\">{First}</span>");
        page.ShouldContain(Note);
        page.ShouldNotContain("Machine translation");
        logs.ShouldContain(l => l.Contains("Translator unavailable for 2 text(s) into fr", StringComparison.Ordinal));
        logs.ShouldNotContain(l => l.Contains(First, StringComparison.Ordinal) || l.Contains(Second, StringComparison.Ordinal));

        (translator.Failing, translator.Delay) = (false, TimeSpan.Zero);
        page = await StaffAppHost.GetAsync(client, path);
        page.ShouldContain($"[fr] {First}", Case.Sensitive, "a failure is not remembered: the next view asks again");
        page.ShouldNotContain(Note);
    }

    [Fact]
    public async Task Translate_my_answer_fills_a_preview_that_is_sent_only_when_the_staff_member_sends_it()
    {
        await using var translator = FakeTranslatorServer.Start();
        var (factory, client) = await StartAsync(translator);
        await using var _ = factory;
        using var __ = client;
        var path = await ConversationAsync(factory, "ar", First);
        var store = factory.Services.GetRequiredService<IContactStore>();
        var contactId = (await store.OpenHandoffsAsync("sem", None)).Single().ContactId;

        using var preview = await StaffAppHost.PostFormAsync(client, path, new() { ["text"] = "Venez mardi à 10 h." }, "Translate");

        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync(None));
        page.ShouldContain(">Venez mardi à 10 h.</textarea>");
        page.ShouldContain("<label for=\"translated\">Your answer in ar (machine translation: read it, correct it, then send)</label>");
        page.ShouldContain("lang=\"ar\" dir=\"rtl\">[ar] Venez mardi à 10 h.</textarea>");
        (await store.MessagesAsync(contactId, None)).ShouldNotContain(m => m.Direction == "staff", "a preview sends nothing");

        using var sent = await StaffAppHost.PostFormAsync(client, path, new() { ["text"] = "تعال يوم الثلاثاء الساعة العاشرة." }, "Reply");

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await store.MessagesAsync(contactId, None)).Where(m => m.Direction == "staff").Select(m => m.Text).ShouldBe(["تعال يوم الثلاثاء الساعة العاشرة."]);
    }
}
