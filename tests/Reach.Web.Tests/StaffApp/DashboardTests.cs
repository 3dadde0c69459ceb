using System.Net.Http.Json;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>What people asked shows in the dashboard (counts per week, language, topic) and in the questions not understood.</summary>
public sealed class DashboardTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Questions_asked_in_the_chat_are_counted_per_week_language_and_topic()
    {
        await using var factory = new ReachAppFactory();
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        await StaffAppHost.AccountAsync(factory, "marie@sem.example", "sem", Roles.Staff);
        using (var chat = factory.CreateClient())
        {
            var session = Guid.NewGuid().ToString();
            foreach (var text in new[] { "bonjour", "quels papiers apporter", "est-ce que vous vendez des vélos d'occasion ?" })
            {
                (await chat.PostAsJsonAsync("/chat/messages", new { session, text }, None)).EnsureSuccessStatusCode();
            }

            var arabic = Guid.NewGuid().ToString();
            (await chat.PostAsJsonAsync("/chat/messages", new { session = arabic, text = "ماذا يجب أن أحضر معي؟" }, None)).EnsureSuccessStatusCode();
        }

        using var client = await StaffAppHost.SignedInAsync(factory, "marie@sem.example");
        var dashboard = await StaffAppHost.GetAsync(client, "/staff/dashboard");
        dashboard.ShouldContain("<th scope=\"row\">2026-W49</th>\n            <td>3</td>\n            <td>67%</td>\n            <td>fr 2, ar 1</td>\n            <td>documents 2, not understood 1</td>");
        var questions = await StaffAppHost.GetAsync(client, "/staff/questions");
        questions.ShouldContain("<h2 lang=\"fr\" dir=\"auto\">est-ce que vous vendez des vélos d'occasion ?</h2>\n        <p>Asked 1 time(s)");
        questions.ShouldNotContain("bonjour");
    }
}
