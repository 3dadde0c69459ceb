using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.TimeZones;
using Reach.Content.Model;
using Reach.Notifications.Delivery;
using Reach.Notifications.Signups;

namespace Reach.Notifications.Reminders;

/// <summary>
/// Reminders for a person signed up to an activity session: the organisation's <c>workshop</c> plan, or its
/// <c>outing</c> plan counted from the meeting time (when the session has one) for outings. Also the notices about a
/// sign-up staff made or changed (signed up, on the waiting list, a place freed up, cancelled), written when sent.
/// Each sign-up's messages have their own keys: a person who cancels and signs up again is reminded again.
/// </summary>
public sealed class SessionReminders(OutboxStore outbox, SignupStore signups, IOptionsMonitor<ReminderOptions> options, TimeProvider timeProvider)
{
    /// <summary>The notices about a sign-up, as outbox steps.</summary>
    public static readonly IReadOnlyList<string> NoticeSteps = ["confirmed", "waiting", "promoted", "cancelled"];

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
        var key = await KeyAsync(organisation, activity.Id, session.Id, contactId, cancellationToken);
        var now = Instant.FromDateTimeOffset(timeProvider.GetUtcNow());
        var planned = ReminderPlanner.Plan(eventAt, DateTimeZoneProviders.Tzdb[content.Organisation.TimeZone], settings.StepsFor(organisation, kind), settings.QuietHoursFor(organisation), now)
            .Where(s => s.Skipped is null)
            .Select(s => new PlannedMessage($"{key}:{s.Step.Name}", organisation, contactId, "reminder", subject, s.Step.Name, language, s.Due.ToUnixTimeMilliseconds())
            {
                EventMs = eventAt.ToUnixTimeMilliseconds(),
            })
            .ToList();
        return await outbox.PlanAsync(planned, cancellationToken);
    }

    /// <summary>
    /// Tells the person about their sign-up now (quiet hours permitting, never after the session has begun), in
    /// <paramref name="language"/>: <paramref name="step"/> is one of <see cref="NoticeSteps"/>. Returns false when
    /// this very notice was already planned.
    /// </summary>
    public async Task<bool> NoticeAsync(OrganisationContent content, Activity activity, Session session, long contactId, string language, string step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(session);
        if (!NoticeSteps.Contains(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, string.Join(", ", NoticeSteps));
        }

        var organisation = content.Organisation.Id;
        var key = await KeyAsync(organisation, activity.Id, session.Id, contactId, cancellationToken);
        var notice = new PlannedMessage($"{key}:notice:{step}", organisation, contactId, "notice", Subject(activity.Id, session.Id), step, language, timeProvider.GetUtcNow().ToUnixTimeMilliseconds())
        {
            EventMs = EventAt(content, activity, session).ToUnixTimeMilliseconds(),
        };
        return await outbox.PlanAsync([notice], cancellationToken) == 1;
    }

    /// <summary>The person left the session (or is back on the waiting list): their reminders are cancelled.</summary>
    public Task<int> CancelAsync(string activityId, string sessionId, long contactId, CancellationToken cancellationToken) =>
        outbox.CancelAsync(Subject(activityId, sessionId), contactId, "the sign-up was cancelled", cancellationToken);

    /// <summary>The first sign-up keeps the keys used before sign-ups had revisions, so nothing already planned is planned twice.</summary>
    private async Task<string> KeyAsync(string organisationId, string activityId, string sessionId, long contactId, CancellationToken cancellationToken)
    {
        var revision = (await signups.FindAsync(organisationId, sessionId, contactId, cancellationToken))?.Revision ?? 0;
        var key = $"{Subject(activityId, sessionId)}:c{contactId}";
        return revision == 0 ? key : $"{key}:s{revision}";
    }
}
