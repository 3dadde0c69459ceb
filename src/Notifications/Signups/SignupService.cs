using NodaTime;
using Reach.Content.Model;
using Reach.Content.Schedules;
using Reach.Notifications.Contacts;
using Reach.Notifications.Reminders;
using Contact = Reach.Notifications.Contacts.Contact;

namespace Reach.Notifications.Signups;

/// <summary>
/// Sign-ups staff make and cancel on a person's behalf, with the conversation's rules: the capacity, the waiting
/// list, reminders planned on confirmation or promotion and cancelled with the sign-up, and the first person
/// waiting promoted and told when a place frees up. The people concerned are told by a notice in the outbox, in
/// their language, as the conversation would have answered them.
/// </summary>
public sealed class SignupService(IContactStore contacts, SignupStore signups, SessionReminders reminders, TimeProvider timeProvider)
{
    /// <summary>The statement the person agrees to; recorded with each consent.</summary>
    public const string ConsentStatement = "The person agreed to be signed up and to receive reminders.";

    /// <summary>The session's own capacity, else the activity's (null: no limit).</summary>
    public static int? Capacity(Activity activity, Session session)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(session);
        return session.Capacity ?? activity.Signup?.Capacity;
    }

    public async Task<StaffSignupResult> AddAsync(OrganisationContent content, Activity activity, Session session, NewSignup request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        if (Closed(content, activity, session) is { } closed)
        {
            return new StaffSignupResult(new Dictionary<string, string>(StringComparer.Ordinal) { ["session"] = closed });
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var phone = PhoneNumber.Normalize(request.Phone);
        if (!phone.IsValid)
        {
            errors["phone"] = phone.Error!;
        }
        else if (phone.Kind == PhoneNumberKind.FixedLine)
        {
            errors["phone"] = $"{request.Phone!.Trim()} is a landline: it cannot receive SMS reminders. Give a mobile number (04…).";
        }

        if (!content.Organisation.Languages.Contains(request.Language))
        {
            errors["language"] = $"Choose one of the organisation's languages: {string.Join(", ", content.Organisation.Languages)}.";
        }

        if (!request.Consent)
        {
            errors["consent"] = "Tick the box once the person has agreed to be signed up and to receive reminders. Nobody is signed up without their agreement.";
        }

        if (errors.Count > 0 || !phone.IsValid)
        {
            return new StaffSignupResult(errors);
        }

        var contact = await ContactAsync(content.Organisation.Id, session.Id, phone.E164, request, cancellationToken);
        var result = await signups.SignUpAsync(content.Organisation.Id, activity.Id, session.Id, contact.Id, Capacity(activity, session), new SignupConsent(request.RecordedBy, ConsentStatement), cancellationToken);
        if (result.Status == SignupStatus.Confirmed)
        {
            // As in the conversation: planning again for someone already confirmed adds nothing (one key per message).
            await reminders.PlanAsync(content, activity, session, contact.Id, request.Language, cancellationToken);
        }

        if (!result.AlreadySignedUp)
        {
            await reminders.NoticeAsync(content, activity, session, contact.Id, request.Language, result.Status == SignupStatus.Confirmed ? "confirmed" : "waiting", cancellationToken);
        }

        return new StaffSignupResult(new Dictionary<string, string>()) { ContactId = contact.Id, Signup = result, OptedOut = contact.OptedOut };
    }

    /// <summary>Cancels a person's place or waiting-list place: they are told, and the first person waiting gets the place and is told.</summary>
    public async Task<StaffCancelResult> CancelAsync(OrganisationContent content, Activity activity, Session session, long contactId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(session);
        var (cancelled, promoted) = await signups.CancelAsync(content.Organisation.Id, session.Id, contactId, Capacity(activity, session), cancellationToken);
        if (!cancelled)
        {
            return new StaffCancelResult(false, null);
        }

        var source = content.Organisation.SourceLanguage;
        await reminders.CancelAsync(activity.Id, session.Id, contactId, cancellationToken);
        if (await contacts.FindAsync(contactId, cancellationToken) is { } left)
        {
            await reminders.NoticeAsync(content, activity, session, contactId, left.Language ?? source, "cancelled", cancellationToken);
        }

        // As in the conversation: someone who opted out keeps the place but gets neither reminders nor the news.
        if (promoted is { } promotedId && await contacts.FindAsync(promotedId, cancellationToken) is { OptedOut: false } lucky)
        {
            var theirs = lucky.Language ?? source;
            await reminders.PlanAsync(content, activity, session, lucky.Id, theirs, cancellationToken);
            await reminders.NoticeAsync(content, activity, session, lucky.Id, theirs, "promoted", cancellationToken);
        }

        return new StaffCancelResult(true, promoted);
    }

    /// <summary>Why nobody can be signed up for the session any more (cancelled, closed, begun), or null.</summary>
    public string? Closed(OrganisationContent content, Activity activity, Session session)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(session);
        var source = content.Organisation.SourceLanguage;
        var opening = ScheduleCalculator.Openings(content, activity, session.Date, session.Date).Openings.FirstOrDefault(o => o.Session?.Id == session.Id);
        if (opening?.CancelledReason is { } reason)
        {
            return $"Nobody can be signed up: the session is cancelled. What people are told: {reason.Get(source, source)}";
        }

        return SessionReminders.EventAt(content, activity, session) <= Instant.FromDateTimeOffset(timeProvider.GetUtcNow())
            ? "This session has already begun: nobody can be signed up any more."
            : null;
    }

    /// <summary>
    /// The person behind the number: the contact (SMS or WhatsApp) already holding a place in this session, else the SMS
    /// contact, created if needed. Staff's first name and language are kept when the person has not given theirs.
    /// </summary>
    private async Task<Contact> ContactAsync(string organisationId, string sessionId, string address, NewSignup request, CancellationToken cancellationToken)
    {
        Contact? contact = null;
        foreach (var same in await contacts.SameAddressAsync(organisationId, address, cancellationToken))
        {
            if (await signups.FindAsync(organisationId, sessionId, same.Id, cancellationToken) is { Status: not SignupStatus.Cancelled })
            {
                contact = same;
                break;
            }
        }

        var firstName = string.IsNullOrWhiteSpace(request.FirstName) ? null : request.FirstName.Trim();
        contact ??= await contacts.GetOrCreateAsync(organisationId, "sms", address, firstName, cancellationToken);
        if (contact.Language is null || (contact.FirstName is null && firstName is not null))
        {
            contact = contact with { Language = contact.Language ?? request.Language, FirstName = contact.FirstName ?? firstName };
            await contacts.SaveAsync(contact, cancellationToken);
        }

        return contact;
    }
}
