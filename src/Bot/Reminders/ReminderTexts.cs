using System.Globalization;
using NodaTime;
using Reach.Bot.Answers;
using Reach.Bot.Localization;
using Reach.Content.Model;
using Reach.Notifications.Appointments;
using Reach.Notifications.Delivery;
using Reach.Notifications.Signups;

namespace Reach.Bot.Reminders;

/// <summary>
/// Writes reminders and notices when they are sent, in the person's language, from the current content:
/// neutral on a lock screen (a time and a place, never what the appointment is about), with "I will come" and
/// "I cannot come" as choices for appointment reminders (buttons on Telegram, 1 and 2 by SMS and WhatsApp). Notices
/// about a sign-up say what the conversation would have said, and only while it is still true.
/// </summary>
internal sealed class ReminderTexts(AnswerService answers, AppointmentService appointments, SignupStore signups) : IMessageRenderer
{
    private static readonly Locales Locales = Locales.Default;

    public async Task<RenderedMessage?> RenderAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var engine = await answers.EngineAsync(message.OrganisationId, cancellationToken);
        if (engine is null)
        {
            return null;
        }

        var content = engine.Content;
        var zone = DateTimeZoneProviders.Tzdb[content.Organisation.TimeZone];
        var language = message.Language;
        var subject = message.Subject.Split(':', 2);
        if (subject is ["appointment", var idText] && long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var appointment = await appointments.FindAsync(id, cancellationToken);
            if (appointment is null || (message.Kind == "reminder" && appointment.Status == AppointmentStatus.Cancelled))
            {
                return null;
            }

            var local = appointment.StartsAt.InZone(zone);
            (string, object?)[] values =
            [
                ("date", engine.FormatDate(local.Date, language)),
                ("time", local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)),
                ("place", Place(appointment.SiteId, content, language)),
                ("name", appointment.FirstName),
            ];
            return message.Kind == "notice"
                ? new RenderedMessage(Locales.Text(language, "notice." + message.Step, values), [])
                : new RenderedMessage(
                    Locales.Text(language, appointment.FirstName is null ? "reminder.appointment" : "reminder.appointment_for", values),
                    [new DeliveryChoice($"appt:{id}:yes", Locales.Text(language, "reminder.confirm")), new DeliveryChoice($"appt:{id}:no", Locales.Text(language, "reminder.cancel"))]);
        }

        if (subject is ["session", var path] && path.Split('/', 2) is [var activityId, var sessionId]
            && content.Activities.FirstOrDefault(a => a.Id == activityId) is { } activity
            && activity.Sessions.FirstOrDefault(s => s.Id == sessionId) is { Cancelled: null } session)
        {
            var source = content.Organisation.SourceLanguage;
            var title = activity.Title.Get(language, source);
            var date = engine.FormatDate(session.Date, language);
            if (message.Kind == "notice")
            {
                return await SignupNoticeAsync(message, content.Organisation.Id, session, title, date, engine.FormatTimes(session, language), cancellationToken);
            }

            var meeting = session.MeetingPoint ?? activity.MeetingPoint;
            return activity.Kind == ActivityKind.Outing && session.MeetingTime is { } meetingTime && meeting is not null
                ? new RenderedMessage(Locales.Text(language, "reminder.outing", ("title", title), ("date", date), ("time", meetingTime.ToString("HH:mm", CultureInfo.InvariantCulture)), ("meeting", meeting.Get(language, source))), [])
                : new RenderedMessage(Locales.Text(language, "reminder.session", ("title", title), ("date", date), ("times", engine.FormatTimes(session, language)), ("place", Place(session.Site ?? activity.Site, content, language))), []);
        }

        return null;
    }

    /// <summary>A notice about a sign-up, or null when it no longer holds (a waiting person promoted, a place cancelled since).</summary>
    private async Task<RenderedMessage?> SignupNoticeAsync(OutboxMessage message, string organisationId, Session session, string title, string date, string times, CancellationToken cancellationToken)
    {
        var language = message.Language;
        var now = await signups.FindAsync(organisationId, session.Id, message.ContactId, cancellationToken);
        var text = (message.Step, now?.Status) switch
        {
            ("confirmed", SignupStatus.Confirmed) => Locales.Text(language, "signup.confirmed", ("title", title), ("date", date), ("times", times)),
            ("promoted", SignupStatus.Confirmed) => Locales.Text(language, "signup.promoted", ("title", title), ("date", date), ("times", times)),
            ("waiting", SignupStatus.Waiting) => Locales.Text(language, "signup.waiting", ("title", title), ("date", date), ("position", now!.WaitingPosition)),
            ("cancelled", SignupStatus.Cancelled) => Locales.Text(language, "signup.cancelled", ("title", title), ("date", date)),
            _ => null,
        };
        return text is null ? null : new RenderedMessage(text, []);
    }

    /// <summary>One appointment as the person sees it in "my appointments".</summary>
    public static string AppointmentLine(Appointment appointment, OrganisationContent content, AnswerEngine engine, DateTimeZone zone, string language)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(engine);
        var local = appointment.StartsAt.InZone(zone);
        return Locales.Text(language, "appointments.line",
            ("date", engine.FormatDate(local.Date, language)),
            ("time", local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)),
            ("place", Place(appointment.SiteId, content, language)));
    }

    /// <summary>The site's name and address, else the organisation's name.</summary>
    private static string Place(string? siteId, OrganisationContent content, string language)
    {
        var source = content.Organisation.SourceLanguage;
        return content.FindSite(siteId) is { } site
            ? $"{site.Name.Get(language, source)} ({site.Address})"
            : content.Organisation.Name.Get(language, source);
    }
}
