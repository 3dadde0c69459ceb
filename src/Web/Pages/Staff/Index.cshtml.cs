using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Reach.Notifications.Appointments;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Staff;

/// <summary>The staff start page: today's appointments, conversations waiting, reminders dropped as too late.</summary>
public sealed class IndexModel(AppointmentService appointments, IContactStore contacts, OutboxStore outbox, OrganisationZones zones, TimeProvider time) : PageModel
{
    private DateTimeZone zone = DateTimeZone.Utc;

    public int AppointmentsToday { get; private set; }

    public int OpenConversations { get; private set; }

    public IReadOnlyList<OutboxMessage> Dropped { get; private set; } = [];

    public string Local(long ms) => Instant.FromUnixTimeMilliseconds(ms).InZone(zone).ToString("yyyy-MM-dd HH:mm", null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = User.Organisation();
        zone = await zones.ZoneAsync(organisation, cancellationToken);
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(zone).Date;
        AppointmentsToday = (await appointments.ListAsync(organisation, zone.AtStartOfDay(today).ToInstant(), zone.AtStartOfDay(today.PlusDays(1)).ToInstant(), cancellationToken))
            .Count(v => v.Appointment.Status != AppointmentStatus.Cancelled);
        OpenConversations = (await contacts.OpenHandoffsAsync(organisation, cancellationToken)).Count;
        Dropped = await outbox.DroppedAsync(organisation, 20, cancellationToken);
    }
}
