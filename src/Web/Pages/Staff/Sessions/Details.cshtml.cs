using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Reach.Content.Model;
using Reach.Content.Storage;
using Reach.Notifications.Signups;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Staff.Sessions;

/// <summary>
/// One session: its participants and waiting list in order; sign a person up by phone on their behalf (with their
/// consent recorded) and cancel a place, as the conversation does. Another organisation's session is a 404.
/// Phone numbers are shown to staff (they call people) and never logged.
/// </summary>
public sealed class DetailsModel(IContentStore content, SignupService signups, SignupQueries queries, AuditLog audit) : PageModel
{
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string Language { get; set; } = string.Empty;
    [BindProperty] public bool Consent { get; set; }

    public string Title { get; private set; } = string.Empty;

    public string When { get; private set; } = string.Empty;

    public string? Place { get; private set; }

    public int? Capacity { get; private set; }

    /// <summary>Why nobody can be signed up any more (cancelled, closed, begun), or null.</summary>
    public string? Closed { get; private set; }

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public IReadOnlyList<Participant> Confirmed { get; private set; } = [];

    public IReadOnlyList<Participant> Waiting { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string BroadcastLink { get; private set; } = string.Empty;

    public string WaitingBroadcastLink { get; private set; } = string.Empty;

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    private OrganisationContent published = null!;

    private Activity activity = null!;

    private Session session = null!;

    private DateTimeZone zone = null!;

    public async Task<IActionResult> OnGetAsync(string activity, string session, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(activity, session, cancellationToken))
        {
            return NotFound();
        }

        Language = published.Organisation.SourceLanguage;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string activity, string session, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(activity, session, cancellationToken))
        {
            return NotFound();
        }

        var name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();
        var result = await signups.AddAsync(published, this.activity, this.session, new NewSignup(Phone, Language, Consent, User.Actor()) { FirstName = name }, cancellationToken);
        if (result.Signup is not { } place)
        {
            Errors = result.Errors;
            return Page();
        }

        var who = name ?? "The person";
        var state = place.Status == SignupStatus.Confirmed ? "confirmed" : $"waiting {place.WaitingPosition}";
        await audit.WriteAsync(published.Organisation.Id, User.Actor(), "signup.add",
            $"contact {result.ContactId} signed up for {this.activity.Id}/{this.session.Id} on their behalf: {state}{(place.AlreadySignedUp ? " (already signed up)" : string.Empty)}; consent recorded",
            cancellationToken);
        Message = (place.AlreadySignedUp, place.Status) switch
        {
            (true, SignupStatus.Confirmed) => $"{who} already has a place. The consent is recorded.",
            (true, _) => $"{who} is already number {place.WaitingPosition} on the waiting list. The consent is recorded.",
            (false, SignupStatus.Confirmed) => $"{who} is signed up. The reminders are planned and the person is told.",
            _ => $"The session is full: {who} is number {place.WaitingPosition} on the waiting list and is told.",
        } + (result.OptedOut ? " This number asked for no messages (STOP): Reach sends it nothing until the person writes START." : string.Empty);
        return Redirect(Link(this.activity, this.session));
    }

    public async Task<IActionResult> OnPostCancelAsync(string activity, string session, long contact, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(activity, session, cancellationToken))
        {
            return NotFound();
        }

        var who = Confirmed.Concat(Waiting).FirstOrDefault(p => p.ContactId == contact);
        var result = who is null ? new StaffCancelResult(false, null) : await signups.CancelAsync(published, this.activity, this.session, contact, cancellationToken);
        if (!result.Cancelled)
        {
            Error = "This person has no place in this session any more.";
            return Page();
        }

        await audit.WriteAsync(published.Organisation.Id, User.Actor(), "signup.cancel",
            $"contact {contact} cancelled from {this.activity.Id}/{this.session.Id}{(result.Promoted is { } promoted ? $"; contact {promoted} got the place from the waiting list" : string.Empty)}",
            cancellationToken);
        var name = who!.FirstName ?? "The person";
        var next = result.Promoted is { } id ? Waiting.FirstOrDefault(p => p.ContactId == id) : null;
        Message = $"{name}'s place is cancelled and they are told."
            + (next is null ? string.Empty : $" {next.FirstName ?? "The first person waiting"} gets the place, with reminders, and is told.");
        return Redirect(Link(this.activity, this.session));
    }

    /// <summary>A participant's phone for staff to call, or their channel when it is a chat.</summary>
    public static string Address(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return participant.Channel is "sms" or "whatsapp" ? participant.Address : "—";
    }

    public string Local(DateTimeOffset at) =>
        Instant.FromDateTimeOffset(at).InZone(zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Link(Activity activity, Session session) =>
        $"/staff/sessions/{Uri.EscapeDataString(activity.Id)}/{Uri.EscapeDataString(session.Id)}";

    private async Task<bool> LoadAsync(string activityId, string sessionId, CancellationToken cancellationToken)
    {
        var found = (await content.GetPublishedAsync(User.Organisation(), cancellationToken))?.Content;
        if (found?.Activities.FirstOrDefault(a => a.Id == activityId && a.Signup is not null) is not { } theActivity
            || theActivity.Sessions.FirstOrDefault(s => s.Id == sessionId) is not { } theSession)
        {
            return false;
        }

        published = found;
        activity = theActivity;
        session = theSession;
        zone = DateTimeZoneProviders.Tzdb[found.Organisation.TimeZone];
        var source = found.Organisation.SourceLanguage;
        Title = theActivity.Title.Get(source, source);
        When = theSession.Date.ToString("dddd dd/MM/yyyy", null) + ", "
            + theSession.From.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + theSession.To.ToString("HH:mm", CultureInfo.InvariantCulture)
            + (theActivity.Kind == ActivityKind.Outing && theSession.MeetingTime is { } meeting ? $" (meeting at {meeting.ToString("HH:mm", CultureInfo.InvariantCulture)})" : string.Empty);
        Place = found.FindSite(theSession.Site ?? theActivity.Site) is { } site ? $"{site.Name.Get(source, source)} ({site.Address})" : null;
        Capacity = SignupService.Capacity(theActivity, theSession);
        Closed = signups.Closed(found, theActivity, theSession);
        Languages = found.Organisation.Languages;
        var participants = await queries.ParticipantsAsync(found.Organisation.Id, theSession.Id, cancellationToken);
        Confirmed = participants.Where(p => p.Status == SignupStatus.Confirmed).ToList();
        Waiting = participants.Where(p => p.Status == SignupStatus.Waiting).ToList();
        BroadcastLink = "/staff/broadcasts/new?audience=" + Uri.EscapeDataString($"session:{theActivity.Id}/{theSession.Id}");
        WaitingBroadcastLink = "/staff/broadcasts/new?audience=" + Uri.EscapeDataString($"waiting:{theActivity.Id}/{theSession.Id}");
        return true;
    }
}
