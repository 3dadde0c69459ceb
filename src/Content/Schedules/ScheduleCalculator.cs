using NodaTime;
using NodaTime.TimeZones;
using Reach.Content.Model;

namespace Reach.Content.Schedules;

/// <summary>
/// Turns schedule rules, dated sessions, closures and holiday calendars into concrete local intervals.
/// Pure: the same content and dates always give the same result.
/// </summary>
public static class ScheduleCalculator
{
    /// <summary>Every opening of <paramref name="item"/> between two dates, both included.</summary>
    public static ScheduleResult Openings(OrganisationContent content, IScheduledItem item, LocalDate from, LocalDate to)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(item);
        var zone = DateTimeZoneProviders.Tzdb[content.Organisation.TimeZone];
        var calendar = content.HolidayCalendar;
        var openings = new List<Opening>();
        var closed = new List<ClosedDay>();
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            if ((item.ValidFrom is { } validFrom && date < validFrom) || (item.ValidTo is { } validTo && date > validTo))
            {
                continue;
            }

            var closure = ClosureOn(content, item, calendar, date);
            var inSchoolHolidays = calendar?.Periods.Any(p => p.Kind == HolidayKind.School && p.Covers(date)) ?? false;
            foreach (var rule in item.Rules.Where(r => Matches(r, date, inSchoolHolidays)))
            {
                if (closure is not null)
                {
                    closed.Add(new ClosedDay(date, closure));
                    continue;
                }

                openings.Add(new Opening(date, At(zone, date, rule.From), At(zone, date, rule.To))
                {
                    Site = rule.Site ?? item.Site,
                    Note = rule.Note,
                });
            }

            foreach (var session in item.Sessions.Where(s => s.Date == date))
            {
                openings.Add(new Opening(date, At(zone, date, session.From), At(zone, date, session.To))
                {
                    Site = session.Site ?? item.Site,
                    Note = session.Note,
                    Session = session,
                    CancelledReason = session.Cancelled ?? closure,
                });
            }
        }

        openings.Sort((a, b) => a.Start.ToInstant().CompareTo(b.Start.ToInstant()));
        return new ScheduleResult(openings, closed.DistinctBy(c => c.Date).ToList());
    }

    /// <summary>Whether a rule applies on a date, before closures.</summary>
    public static bool Matches(ScheduleRule rule, LocalDate date, bool inSchoolHolidays)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!rule.Days.Contains(date.DayOfWeek))
        {
            return false;
        }

        if ((rule.ValidFrom is { } from && date < from) || (rule.ValidTo is { } to && date > to))
        {
            return false;
        }

        if (rule.Weeks.Count > 0 && !rule.Weeks.Contains((date.Day - 1) / 7 + 1) && !(rule.Weeks.Contains(-1) && date.PlusWeeks(1).Month != date.Month))
        {
            return false;
        }

        if (rule.Every > 1 && rule.Starting is { } starting)
        {
            var weeks = Period.Between(MondayOf(starting), MondayOf(date), PeriodUnits.Days).Days / 7;
            if (date < starting || weeks % rule.Every != 0)
            {
                return false;
            }
        }

        if (rule.Season is { } season && !season.Contains(date))
        {
            return false;
        }

        return rule.School switch
        {
            SchoolFilter.TermOnly => !inSchoolHolidays,
            SchoolFilter.HolidaysOnly => inSchoolHolidays,
            _ => true,
        };
    }

    /// <summary>
    /// The instant a local wall-clock time means in the zone (NodaTime's lenient resolver): a time
    /// skipped when clocks go forward is shifted forward by the length of the gap (02:30 becomes 03:30);
    /// an ambiguous time when they go back is the earlier of the two.
    /// </summary>
    public static ZonedDateTime At(DateTimeZone zone, LocalDate date, LocalTime time) =>
        zone.ResolveLocal(date + time, Resolvers.LenientResolver);

    private static LocalizedText? ClosureOn(OrganisationContent content, IScheduledItem item, HolidayCalendar? calendar, LocalDate date)
    {
        var closure = item.Closures.FirstOrDefault(c => c.Covers(date)) ?? content.Organisation.Closures.FirstOrDefault(c => c.Covers(date));
        if (closure is not null)
        {
            return closure.Reason;
        }

        return item.OpenOnPublicHolidays
            ? null
            : calendar?.Periods.FirstOrDefault(p => p.Kind == HolidayKind.Public && p.Covers(date))?.Name;
    }

    private static LocalDate MondayOf(LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);
}
