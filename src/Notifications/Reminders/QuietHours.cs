using NodaTime;
using NodaTime.TimeZones;

namespace Reach.Notifications.Reminders;

/// <summary>Hours of the night when nothing is sent (default 21:00 to 08:00 local): messages wait for the morning.</summary>
public sealed record QuietHours(LocalTime From, LocalTime To)
{
    public static QuietHours Default { get; } = new(new LocalTime(21, 0), new LocalTime(8, 0));

    public bool IsQuiet(LocalTime time) =>
        From == To ? false
        : From > To ? time >= From || time < To
        : time >= From && time < To;

    /// <summary><paramref name="at"/> itself outside quiet hours, else the end of the quiet hours (the morning).</summary>
    public Instant Defer(Instant at, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = at.InZone(zone).LocalDateTime;
        if (!IsQuiet(local.TimeOfDay))
        {
            return at;
        }

        // Before midnight (or in a same-day window before its end) the end is today or tomorrow.
        var date = local.TimeOfDay >= To ? local.Date.PlusDays(1) : local.Date;
        return zone.ResolveLocal(date + To, Resolvers.LenientResolver).ToInstant();
    }
}
