using NodaTime;

namespace Reach.Notifications.Reminders;

/// <summary>
/// Works out when each step of a plan is sent for one event: the step's time, moved out of quiet hours to the
/// morning; a step whose time has passed, or that would arrive at or after the event, is left out with its reason.
/// Pure: every instant is absolute (UTC), so daylight-saving changes cannot move a reminder once planned.
/// </summary>
public static class ReminderPlanner
{
    public static IReadOnlyList<PlannedStep> Plan(Instant eventAt, DateTimeZone zone, IEnumerable<ReminderStep> steps, QuietHours quiet, Instant now)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(quiet);
        var planned = new List<PlannedStep>();
        foreach (var step in steps)
        {
            var due = quiet.Defer(step.DueFor(eventAt, zone), zone);
            var skipped = due >= eventAt ? "it would arrive after the event starts"
                : due < now ? "its time has already passed"
                : null;
            planned.Add(new PlannedStep(step, due, skipped));
        }

        return planned;
    }
}

/// <summary>A step and when it is due; <see cref="Skipped"/> says why it is not sent, or is null.</summary>
public sealed record PlannedStep(ReminderStep Step, Instant Due, string? Skipped);
