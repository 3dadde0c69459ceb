using Microsoft.Extensions.DependencyInjection;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>The audit log page: a hundred entries at a time, newest first, with links to older and newest entries.</summary>
public sealed class AuditPageTests
{
    [Fact]
    public async Task The_audit_log_shows_a_hundred_entries_a_page_and_links_to_the_older_ones_until_the_first()
    {
        await using var factory = new ReachAppFactory();
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
        await StaffAppHost.AccountAsync(factory, "admin@sem.example", "sem", Roles.Admin);
        using var admin = await StaffAppHost.SignedInAsync(factory, "admin@sem.example");
        var audit = factory.Services.GetRequiredService<AuditLog>();
        for (var i = 1; i <= 230; i++)
        {
            await audit.WriteAsync("sem", "marie@sem.example", "appointment.create", $"appointment {i}", TestContext.Current.CancellationToken);
            await audit.WriteAsync("cssbse", "olena@cssbse.example", "appointment.create", $"theirs {i}", TestContext.Current.CancellationToken);
        }

        var newest = await StaffAppHost.GetAsync(admin, "/admin/audit");
        var older = Older(newest);
        var middle = await StaffAppHost.GetAsync(admin, older);
        var oldest = await StaffAppHost.GetAsync(admin, Older(middle));

        Rows(newest).ShouldBe(100);
        newest.ShouldContain("<td>marie@sem.example</td><td>appointment.create</td><td>appointment 230</td>");
        newest.ShouldContain("<td>appointment 131</td>");
        newest.ShouldNotContain("<td>appointment 130</td>");
        newest.ShouldNotContain("theirs");
        newest.ShouldNotContain("Newest entries");
        Rows(middle).ShouldBe(100);
        middle.ShouldContain("<td>appointment 130</td>");
        middle.ShouldContain("<td>appointment 31</td>");
        middle.ShouldContain("<a href=\"/admin/audit\">Newest entries</a>");
        // The oldest: appointments 30 to 1, the admin signing in, and the demo content published at the first start.
        Rows(oldest).ShouldBe(32);
        oldest.ShouldContain("<td>appointment 1</td>");
        oldest.ShouldContain("<td>admin@sem.example</td><td>account.sign-in</td><td>signed in</td>");
        oldest.ShouldContain("<td>content.publish</td>");
        oldest.ShouldNotContain("Older entries");
        (await StaffAppHost.GetAsync(admin, "/admin/audit?before=not-a-number")).ShouldContain("<td>appointment 230</td>");
    }

    private static int Rows(string page) => page.Split("<tr><td>").Length - 1;

    private static string Older(string page)
    {
        var link = System.Text.RegularExpressions.Regex.Match(page, "<a href=\"(/admin/audit\\?before=\\d+)\">Older entries</a>");
        link.Success.ShouldBeTrue("the page links to older entries");
        return link.Groups[1].Value;
    }
}
