using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Reach.Notifications.Broadcasts;
using Reach.Notifications.Delivery;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Staff.Broadcasts;

/// <summary>A broadcast's delivery report: messages per state; cancel what has not gone.</summary>
public sealed class ReportModel(BroadcastService broadcasts, OutboxStore outbox, OrganisationZones zones, AuditLog audit) : PageModel
{
    public BroadcastInfo? Broadcast { get; private set; }

    public string When { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, int> States { get; private set; } = new Dictionary<string, int>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var stopped = await broadcasts.CancelAsync(id, cancellationToken);
        await audit.WriteAsync(User.Organisation(), User.Actor(), "broadcast.cancel", $"broadcast {id}: {stopped} message(s) stopped", cancellationToken);
        return Redirect($"/staff/broadcasts/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var broadcast = await broadcasts.FindAsync(id, cancellationToken);
        if (broadcast is null || broadcast.OrganisationId != User.Organisation())
        {
            return false;
        }

        Broadcast = broadcast;
        var zone = await zones.ZoneAsync(broadcast.OrganisationId, cancellationToken);
        When = Instant.FromUnixTimeMilliseconds(broadcast.SendMs).InZone(zone).ToString("dd/MM/yyyy HH:mm", null);
        States = await outbox.CountByStateAsync($"broadcast:{id}", cancellationToken);
        return true;
    }
}
