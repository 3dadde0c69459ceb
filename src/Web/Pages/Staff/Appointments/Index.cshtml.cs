using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Reach.Content.Storage;
using Reach.Notifications.Appointments;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Staff.Appointments;

/// <summary>A day or a week of appointments, per service, with reminder status, replies and attendance.</summary>
public sealed class IndexModel(AppointmentService appointments, IContactStore contacts, IContentStore content, OrganisationZones zones, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string View { get; set; } = "day";

    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    [BindProperty(SupportsGet = true, Name = "date")]
    public DateOnly? Date { get; set; }

    public LocalDate From { get; private set; }

    public IReadOnlyList<(string Id, string Name)> Services { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = User.Organisation();
        var zone = await zones.ZoneAsync(organisation, cancellationToken);
        var published = (await content.GetPublishedAsync(organisation, cancellationToken))?.Content;
        var source = published?.Organisation.SourceLanguage ?? "fr";
        Services = published?.Services.Select(s => (s.Id, s.Title.Get(source, source))).ToList() ?? [];
        From = Date is { } d ? new LocalDate(d.Year, d.Month, d.Day) : Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(zone).Date;
        var days = View == "week" ? 7 : 1;
        var views = await appointments.ListAsync(organisation, zone.AtStartOfDay(From).ToInstant(), zone.AtStartOfDay(From.PlusDays(days)).ToInstant(), cancellationToken);
        var shown = views.Where(v => string.IsNullOrEmpty(Service) || v.Appointment.ServiceId == Service).ToList();
        var people = await contacts.FindManyAsync(shown.Select(v => v.Appointment.ContactId).ToList(), cancellationToken);
        var rows = new List<Row>(shown.Count);
        foreach (var view in shown)
        {
            var phone = people.GetValueOrDefault(view.Appointment.ContactId)?.Address ?? "—";
            var service = Services.FirstOrDefault(s => s.Id == view.Appointment.ServiceId).Name ?? view.Appointment.ServiceId ?? "—";
            rows.Add(new Row(view, view.Appointment.StartsAt.InZone(zone).ToString("ddd dd/MM HH:mm", null), phone, service));
        }

        Rows = rows;
    }

    public sealed record Row(AppointmentView View, string When, string Phone, string Service);
}
