using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Staff.Inbox;

/// <summary>The open conversations with a person, oldest first, with who follows each.</summary>
public sealed class IndexModel(IContactStore contacts, AccountStore accounts, OrganisationZones zones) : PageModel
{
    public IReadOnlyList<(long Id, string Since, string Who, string Reason, string AssignedTo)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = User.Organisation();
        var zone = await zones.ZoneAsync(organisation, cancellationToken);
        var team = (await accounts.ListAsync(organisation, cancellationToken)).ToDictionary(a => a.Id, a => a.DisplayName);
        var handoffs = await contacts.OpenHandoffsAsync(organisation, cancellationToken);
        var people = await contacts.FindManyAsync(handoffs.Select(h => h.ContactId).ToList(), cancellationToken);
        var rows = new List<(long, string, string, string, string)>(handoffs.Count);
        foreach (var handoff in handoffs)
        {
            var contact = people.GetValueOrDefault(handoff.ContactId);
            rows.Add((
                handoff.Id,
                Instant.FromDateTimeOffset(handoff.OpenedAt).InZone(zone).ToString("dd/MM HH:mm", null),
                $"{contact?.FirstName ?? "—"} · {contact?.Channel} · {contact?.Language ?? "?"}",
                handoff.Reason,
                handoff.AssignedTo is { } id && team.TryGetValue(id, out var name) ? name : "nobody yet"));
        }

        Rows = rows;
    }
}
