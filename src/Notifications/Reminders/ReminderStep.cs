using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.TimeZones;

namespace Reach.Notifications.Reminders;

/// <summary>
/// One step of a reminder plan, written as in the settings: <c>1d@18:00</c> (the day before at 18:00 local time),
/// <c>2h</c> (two hours before), <c>30m</c>, <c>0d@08:00</c> (the morning of the day).
/// </summary>
public sealed partial record ReminderStep(string Name, int DaysBefore, LocalTime? At, Duration Before)
{
    /// <summary>Parses a step, or returns null with <paramref name="error"/> naming what is wrong.</summary>
    public static ReminderStep? Parse(string? text, out string? error)
    {
        error = null;
        var written = text?.Trim() ?? string.Empty;
        var days = DaysPattern().Match(written);
        if (days.Success)
        {
            var count = int.Parse(days.Groups[1].Value, CultureInfo.InvariantCulture);
            var hour = int.Parse(days.Groups[2].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(days.Groups[3].Value, CultureInfo.InvariantCulture);
            if (count > 30 || hour > 23 || minute > 59)
            {
                error = $"'{written}': days before must be 0 to 30 and the time a valid HH:mm.";
                return null;
            }

            return new ReminderStep(written, count, new LocalTime(hour, minute), Duration.Zero);
        }

        var offset = OffsetPattern().Match(written);
        if (offset.Success)
        {
            var amount = int.Parse(offset.Groups[1].Value, CultureInfo.InvariantCulture);
            var before = offset.Groups[2].Value == "h" ? Duration.FromHours(amount) : Duration.FromMinutes(amount);
            if (amount == 0 || before > Duration.FromDays(30))
            {
                error = $"'{written}': an offset must be more than 0 and at most 30 days.";
                return null;
            }

            return new ReminderStep(written, 0, null, before);
        }

        error = $"'{written}' is not a reminder step; write '1d@18:00' (the day before at 18:00), '2h' (two hours before) or '30m'.";
        return null;
    }

    /// <summary>When this step falls for an event starting at <paramref name="eventAt"/> in <paramref name="zone"/>.</summary>
    public Instant DueFor(Instant eventAt, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (At is not { } at)
        {
            return eventAt - Before;
        }

        var date = eventAt.InZone(zone).Date.PlusDays(-DaysBefore);
        return zone.ResolveLocal(date + at, Resolvers.LenientResolver).ToInstant();
    }

    [GeneratedRegex(@"^(\d{1,2})d@(\d{1,2}):(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DaysPattern();

    [GeneratedRegex(@"^(\d{1,4})(h|m)$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
