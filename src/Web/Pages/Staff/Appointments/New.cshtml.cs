using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Reach.Content.Storage;
using Reach.Notifications.Appointments;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Staff.Appointments;

/// <summary>Records an appointment for a phone number (a new contact if needed); errors are shown next to their field.</summary>
public sealed class NewModel(AppointmentService appointments, IContentStore content, AuditLog audit) : PageModel
{
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string Language { get; set; } = "fr";
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public TimeOnly? Time { get; set; }
    [BindProperty] public string? Service { get; set; }
    [BindProperty] public string? Site { get; set; }
    [BindProperty] public string? Staff { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public string? PhoneError { get; private set; }

    public string? TimeError { get; private set; }

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Services { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Date is not { } date || Time is not { } time)
        {
            TimeError = "Give the day and the time.";
            return Page();
        }

        var result = await appointments.CreateAsync(
            new NewAppointment(User.Organisation(), new LocalDateTime(date.Year, date.Month, date.Day, time.Hour, time.Minute), Language)
            {
                Phone = Phone, FirstName = Blank(Name), ServiceId = Blank(Service), SiteId = Blank(Site), Staff = Blank(Staff), Notes = Blank(Notes),
            },
            cancellationToken);
        if (result.Appointment is not { } appointment)
        {
            if (result.Error!.Contains("passed", StringComparison.Ordinal))
            {
                TimeError = result.Error;
            }
            else
            {
                PhoneError = result.Error;
            }

            return Page();
        }

        await audit.WriteAsync(appointment.OrganisationId, User.Actor(), "appointment.create", $"appointment {appointment.Id} at {date:yyyy-MM-dd} {time:HH:mm}", cancellationToken);
        return Redirect($"/staff/appointments/{appointment.Id}");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var published = (await content.GetPublishedAsync(User.Organisation(), cancellationToken))?.Content;
        var source = published?.Organisation.SourceLanguage ?? "fr";
        Languages = published?.Organisation.Languages ?? ["fr"];
        Services = published?.Services.Select(s => (s.Id, s.Title.Get(source, source))).ToList() ?? [];
        Sites = published?.Sites.Select(s => (s.Id, s.Name.Get(source, source))).ToList() ?? [];
    }
}
