using System.Net;
using System.Net.Http.Json;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>A short-notice closure: one form, reflected in the answers at once, and an offer to tell the people concerned.</summary>
public sealed class ClosureTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<string> AskAsync(ReachAppFactory factory, string text)
    {
        using var chat = factory.CreateClient();
        using var response = await chat.PostAsJsonAsync("/chat/messages", new { session = Guid.NewGuid().ToString(), text, language = "fr" }, None);
        return await response.Content.ReadAsStringAsync(None);
    }

    [Fact]
    public async Task Closing_the_social_desk_today_changes_the_answer_at_once_and_offers_to_tell_people()
    {
        await using var factory = new ReachAppFactory();
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        await StaffAppHost.AccountAsync(factory, "marie@sem.example", "sem", Roles.Staff);
        using var client = await StaffAppHost.SignedInAsync(factory, "marie@sem.example");
        (await AskAsync(factory, "la permanence sociale est ouverte aujourd'hui ?")).ShouldContain("ouvert le jeudi 3 décembre, 09:00–12:00");

        var form = await StaffAppHost.GetAsync(client, "/staff/closure");
        form.ShouldContain("value=\"2026-12-03\"");
        using var done = await StaffAppHost.PostFormAsync(client, "/staff/closure", new()
        {
            ["item"] = "sem-social-desk", ["from"] = "2026-12-03", ["to"] = "2026-12-03", ["reasons[fr]"] = "Panne de chauffage", ["reasons[ar]"] = "عطل في التدفئة",
        });

        var page = WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync(None));
        page.ShouldContain("Published (version 2): Permanence sociale is closed from 2026-12-03 to 2026-12-03. Reach now says so.");
        page.ShouldContain("/staff/broadcasts/new?audience=news&text=Permanence%20sociale%3A%20Panne%20de%20chauffage");
        var answer = await AskAsync(factory, "la permanence sociale est ouverte aujourd'hui ?");
        answer.ShouldContain("Panne de chauffage");
        answer.ShouldNotContain("ouvert le jeudi 3 décembre");

        var composer = await StaffAppHost.GetAsync(client, "/staff/broadcasts/new?audience=news&text=Permanence%20sociale%3A%20Panne%20de%20chauffage");
        composer.ShouldContain(">Permanence sociale: Panne de chauffage</textarea>");
    }

    [Fact]
    public async Task A_closure_without_a_reason_or_with_days_backwards_is_refused()
    {
        await using var factory = new ReachAppFactory();
        await StaffAppHost.AccountAsync(factory, "marie@sem.example", "sem", Roles.Staff);
        using var client = await StaffAppHost.SignedInAsync(factory, "marie@sem.example");

        using var noReason = await StaffAppHost.PostFormAsync(client, "/staff/closure", new() { ["item"] = "sem-social-desk", ["from"] = "2026-12-03", ["to"] = "2026-12-03" });
        using var backwards = await StaffAppHost.PostFormAsync(client, "/staff/closure", new() { ["item"] = "sem-social-desk", ["from"] = "2026-12-04", ["to"] = "2026-12-03", ["reasons[fr]"] = "x" });

        WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync(None)).ShouldContain("Say why in fr: people are told the reason.");
        WebUtility.HtmlDecode(await backwards.Content.ReadAsStringAsync(None)).ShouldContain("Give the first and the last day closed (the last one on or after the first).");
    }
}
