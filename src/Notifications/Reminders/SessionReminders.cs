using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.TimeZones;
using Reach.Content.Model;
using Reach.Notifications.Delivery;

namespace Reach.Notifications.Reminders;

/// <summary>
/// Reminders for a person signed up to an activity session: the organisation's <c>workshop</c> plan, or its
/// <c>outing</c> plan counted from the meeting time (when the session has one) for outings.
/// </summary>
public sealed class SessionReminders(OutboxStore outbox, IOptionsMonitor<ReminderOptions> options, TimeProvider timeProvider)
{
    public static string Subject(string activityId, string sessionId) => $"session:{activityId}/{sessionId}";

    /// <summary>When the person must be there: the meeting time of an outing, else the start.</summary>
    public static Instant EventAt(OrganisationContent content, Activity activity, Session session)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(session);
        var zone = DateTimeZoneProviders.Tzdb[content.Organisation.TimeZone];
        var time = activity.Kind == ActivityKind.Outing ? session.MeetingTime ?? session.From : session.From;
        return zone.ResolveLocal(session.Date + time, Resolvers.LenientResolver).ToInstant();
    }

    public async Task<int> PlanAsync(OrganisationContent content, Activity activity, Session session, long contactId, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(session);
        var organisation = content.Organisation.Id;
        var kind = activity.Kind == ActivityKind.Outing ? "outing" : "workshop";
        var eventAt = EventAt(content, activity, session);
        var settings = options.CurrentValue;
        var subject = Subject(activity.Id, session.Id);
        var now = Instant.FromDateTimeOffset(timeProvider.GetUtcNow());
        var planned = ReminderPlanner.Plan(eventAt, DateTimeZoneProviders.Tzdb[content.Organisation.TimeZone], settings.StepsFor(organisation, kind), settings.QuietHoursFor(organisation), now)
            .Where(s => s.Skipped is null)
            .Select(s => new PlannedMessage($"{subject}:c{contactId}:{s.Step.Name}", organisation, contactId, "reminder", subject, s.Step.Name, language, s.Due.ToUnixTimeMilliseconds())
            {
                EventMs = eventAt.ToUnixTimeMilliseconds(),
            })
            .ToList();
        return await outbox.PlanAsync(planned, cancellationToken);
    }

    /// <summary>The person left the session (or is back on the waiting list): their reminders are cancelled.</summary>
    public Task<int> CancelAsync(string activityId, string sessionId, long contactId, CancellationToken cancellationToken) =>
        outbox.CancelAsync(Subject(activityId, sessionId), contactId, "the sign-up was cancelled", cancellationToken);
}
