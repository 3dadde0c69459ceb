using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Reach.Notifications.Appointments;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Staff.Appointments;

/// <summary>One appointment: its reminders and their states; move, cancel, attended or no-show. Another organisation's id is a 404.</summary>
public sealed class DetailsModel(AppointmentService appointments, IContactStore contacts, OutboxStore outbox, OrganisationZones zones, TimeProvider time, AuditLog audit) : PageModel
{
    public Appointment? Appointment { get; private set; }

    public string When { get; private set; } = string.Empty;

    public string Phone { get; private set; } = string.Empty;

    public IReadOnlyList<(string Kind, string Step, string Due, string State, string? Channel, string? Reason)> Messages { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(long id, DateOnly? date, TimeOnly? time, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (date is null || time is null)
        {
            Error = "Give the new day and time.";
            return Page();
        }

        var result = await appointments.MoveAsync(id, new LocalDateTime(date.Value.Year, date.Value.Month, date.Value.Day, time.Value.Hour, time.Value.Minute), cancellationToken);
        if (result.Error is not null)
        {
            Error = result.Error;
            return Page();
        }

        await audit.WriteAsync(User.Organisation(), User.Actor(), "appointment.move", $"appointment {id} to {date:yyyy-MM-dd} {time:HH:mm}", cancellationToken);
        Message = "Moved. The reminders are planned again and the person is told.";
        return Redirect($"/staff/appointments/{id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await appointments.CancelAsync(id, "staff", cancellationToken);
        await audit.WriteAsync(User.Organisation(), User.Actor(), "appointment.cancel", $"appointment {id}", cancellationToken);
        Message = "Cancelled. The reminders are cancelled and the person is told.";
        return Redirect($"/staff/appointments/{id}");
    }

    public async Task<IActionResult> OnPostOutcomeAsync(long id, string outcome, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || outcome is not (AppointmentStatus.Attended or AppointmentStatus.NoShow))
        {
            return NotFound();
        }

        if (!await appointments.MarkOutcomeAsync(id, outcome, cancellationToken))
        {
            Error = "Only an appointment that has begun and was not cancelled can be marked.";
            return Page();
        }

        await audit.WriteAsync(User.Organisation(), User.Actor(), "appointment.outcome", $"appointment {id}: {outcome}", cancellationToken);
        Message = outcome == AppointmentStatus.Attended ? "Marked: came." : "Marked: did not come.";
        return Redirect($"/staff/appointments/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var appointment = await appointments.FindAsync(id, cancellationToken);
        if (appointment is null || appointment.OrganisationId != User.Organisation())
        {
            return false;
        }

        var zone = await zones.ZoneAsync(appointment.OrganisationId, cancellationToken);
        Appointment = appointment;
        When = appointment.StartsAt.InZone(zone).ToString("dddd dd/MM/yyyy HH:mm", null);
        Phone = (await contacts.FindAsync(appointment.ContactId, cancellationToken))?.Address ?? "—";
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        Messages = (await outbox.ListBySubjectAsync(appointment.Subject, cancellationToken))
            .Select(m => (m.Kind, m.Step, Instant.FromUnixTimeMilliseconds(m.DueMs).InZone(zone).ToString("dd/MM HH:mm", null), OutboxStates.Shown(m, now), m.Channel, m.Reason))
            .ToList();
        return true;
    }
}
