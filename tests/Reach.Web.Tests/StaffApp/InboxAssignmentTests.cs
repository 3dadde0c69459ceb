using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reach.Notifications.Contacts;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>A conversation is given to a colleague with the staff role of the same organisation, or to nobody; audited; anything else is refused.</summary>
public sealed class InboxAssignmentTests
{
    private const string Refused = "Choose a colleague of this organisation with the staff role, or nobody. Nothing was changed.";
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(ReachAppFactory Factory, HttpClient Client, string Path, Dictionary<string, Account> Team)> StartAsync()
    {
        var factory = new ReachAppFactory();
        var team = new Dictionary<string, Account>
        {
            ["marie"] = await StaffAppHost.AccountAsync(factory, "marie@sem.example", "sem", Roles.Staff),
            ["karim"] = await StaffAppHost.AccountAsync(factory, "karim@sem.example", "sem", Roles.Staff, Roles.Coordinator),
            ["lucie"] = await StaffAppHost.AccountAsync(factory, "lucie@sem.example", "sem", Roles.Coordinator),
            ["olga"] = await StaffAppHost.AccountAsync(factory, "olga@other.example", "other", Roles.Staff),
        };
        var store = factory.Services.GetRequiredService<IContactStore>();
        var contact = await store.GetOrCreateAsync("sem", "web", Guid.NewGuid().ToString(), "Amal", None);
        await store.AddMessageAsync(contact.Id, "in", "parler à quelqu'un", None);
        await store.OpenHandoffAsync(contact.Id, "sem", "asked for a person", None);
        var handoff = (await store.OpenHandoffsAsync("sem", None)).Single();
        return (factory, await StaffAppHost.SignedInAsync(factory, "marie@sem.example"), $"/staff/inbox/{handoff.Id}", team);
    }

    private static async Task<long?> AssignedAsync(ReachAppFactory factory) =>
        (await factory.Services.GetRequiredService<IContactStore>().OpenHandoffsAsync("sem", None)).Single().AssignedTo;

    [Fact]
    public async Task A_conversation_is_given_to_a_colleague_then_to_nobody_and_the_inbox_shows_who_follows()
    {
        var (factory, client, path, team) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        var page = await StaffAppHost.GetAsync(client, path);
        page.ShouldContain("<option value=\"none\">nobody</option>");
        page.ShouldContain($"<option value=\"{team["karim"].Id}\">karim</option>");
        page.ShouldContain($"<option value=\"{team["marie"].Id}\">marie</option>");
        page.ShouldNotContain(">lucie</option>", Case.Sensitive, "a coordinator without the staff role");
        page.ShouldNotContain(">olga</option>", Case.Sensitive, "another organisation");

        using (var given = await StaffAppHost.PostFormAsync(client, path, new() { ["account"] = team["karim"].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Assign"))
        {
            given.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        page = await StaffAppHost.GetAsync(client, path);
        page.ShouldContain("karim follows this conversation.");
        page.ShouldContain("followed by: karim</p>");
        page.ShouldContain($"<option value=\"{team["karim"].Id}\" selected=\"selected\">karim</option>");
        (await StaffAppHost.GetAsync(client, "/staff/inbox")).ShouldContain("<td>karim</td>");
        var audit = await factory.Services.GetRequiredService<AuditLog>().ListAsync("sem", 10, None);
        audit.ShouldContain(e => e.Action == "inbox.assign" && e.Actor == "marie@sem.example" && e.Detail.EndsWith(" to karim@sem.example", StringComparison.Ordinal));

        using (var nobody = await StaffAppHost.PostFormAsync(client, path, new() { ["account"] = "none" }, "Assign"))
        {
            nobody.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        page = await StaffAppHost.GetAsync(client, path);
        page.ShouldContain("Nobody follows this conversation now.");
        page.ShouldContain("followed by: nobody yet</p>");
        (await AssignedAsync(factory)).ShouldBeNull();
    }

    [Theory]
    [InlineData("olga")]
    [InlineData("lucie")]
    [InlineData("999999")]
    [InlineData("karim; DROP TABLE handoffs")]
    public async Task An_account_of_another_organisation_without_the_staff_role_or_forged_is_refused_and_nothing_changes(string chosen)
    {
        var (factory, client, path, team) = await StartAsync();
        await using var _ = factory;
        using var __ = client;
        using (var mine = await StaffAppHost.PostFormAsync(client, path, [], "Assign"))
        {
            mine.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var account = team.TryGetValue(chosen, out var known) ? known.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : chosen;
        using var refused = await StaffAppHost.PostFormAsync(client, path, new() { ["account"] = account }, "Assign");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(None));
        page.ShouldContain($"<p class=\"error\" id=\"account-error\" role=\"alert\">{Refused}</p>");
        page.ShouldContain("followed by: marie</p>");
        (await AssignedAsync(factory)).ShouldBe(team["marie"].Id);
        (await factory.Services.GetRequiredService<AuditLog>().ListAsync("sem", 10, None)).Count(e => e.Action == "inbox.assign").ShouldBe(1);
    }
}
