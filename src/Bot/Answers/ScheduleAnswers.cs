using System.Globalization;
using NodaTime;
using Reach.Bot.Localization;
using Reach.Content.Model;
using Reach.Content.Schedules;

namespace Reach.Bot.Answers;

/// <summary>Answers about a service or activity computed from its structured content, never from prose.</summary>
internal sealed class ScheduleAnswers(OrganisationContent content, Locales locales)
{
    private const int LookAheadDays = 14;

    public string Answer(ScheduledItem item, QuestionCues cues, string language, ZonedDateTime now)
    {
        var title = item.Title.Get(language, content.Organisation.SourceLanguage);
        return cues.Kind switch
        {
            QuestionKind.Where => Where(item, title, language),
            QuestionKind.Bring when item.Bring.Count > 0 => Bring(item, title, language),
            QuestionKind.Appointment when item is Service service => Join(
                locales.Text(language, "access." + Access(service.Access), ("title", title)),
                When(item, title, cues with { Day = DayCue.None }, language, now)),
            _ => When(item, title, cues, language, now),
        };
    }

    /// <summary>Every session of activities of the given kinds in the window, in date order, cancelled ones said so.</summary>
    public string List(IReadOnlyCollection<ActivityKind> kinds, int days, string language, ZonedDateTime now)
    {
        var today = now.Date;
        var lines = new List<string>();
        var openings = content.Activities
            .Where(a => kinds.Contains(a.Kind))
            .SelectMany(a => ScheduleCalculator.Openings(content, a, today, today.PlusDays(days)).Openings.Select(o => (Activity: a, Opening: o)))
            .Where(x => x.Opening.End.ToInstant() > now.ToInstant())
            .OrderBy(x => x.Opening.Start.ToInstant())
            .Take(8);
        foreach (var (activity, opening) in openings)
        {
            var title = activity.Title.Get(language, content.Organisation.SourceLanguage);
            lines.Add("- " + (opening.IsCancelled
                ? title + ": " + locales.Text(language, "session.cancelled", ("date", FormatDate(opening.Date, language)), ("reason", opening.CancelledReason!.Get(language, content.Organisation.SourceLanguage)))
                : locales.Text(language, "list.line", ("title", title), ("date", FormatDate(opening.Date, language)), ("times", Times([opening], language)))));
        }

        return lines.Count == 0
            ? locales.Text(language, "list.none")
            : locales.Text(language, "list.header") + "\n" + string.Join("\n", lines);
    }

    /// <summary>
    /// Which desks are open on the asked day (today by default), for "are you open?" without a desk named;
    /// when none is, the next opening of any. Returns the first desk listed, which the answer is about.
    /// </summary>
    public (string Text, Service? First) Desks(QuestionCues cues, string language, ZonedDateTime now)
    {
        var today = now.Date;
        var date = cues.Day switch
        {
            DayCue.Tomorrow => today.PlusDays(1),
            DayCue.Date => Next(cues.Date!.Value, today),
            DayCue.Weekday => today.DayOfWeek == cues.Weekday ? today : today.Next(cues.Weekday!.Value),
            _ => today,
        };
        var open = content.Services
            .Select(s => (Service: s, Openings: ScheduleCalculator.Openings(content, s, date, date).Openings.Where(o => !o.IsCancelled && o.End.ToInstant() > now.ToInstant()).ToList()))
            .Where(x => x.Openings.Count > 0)
            .OrderBy(x => x.Openings[0].Start.ToInstant())
            .ToList();
        var formatted = FormatDate(date, language);
        if (open.Count > 0)
        {
            var lines = open.Select(x => "- " + locales.Text(language, "desks.line", ("title", x.Service.Title.Get(language, content.Organisation.SourceLanguage)), ("times", Times(x.Openings, language))));
            return (locales.Text(language, "desks.header", ("date", formatted)) + "\n" + string.Join("\n", lines), open[0].Service);
        }

        var next = content.Services
            .Select(s => (Service: s, Opening: ScheduleCalculator.Openings(content, s, date.PlusDays(1), date.PlusDays(31)).Openings.FirstOrDefault(o => !o.IsCancelled)))
            .Where(x => x.Opening is not null)
            .OrderBy(x => x.Opening!.Start.ToInstant())
            .FirstOrDefault();
        var none = locales.Text(language, "desks.none", ("date", formatted));
        return next.Service is null
            ? (none, null)
            : (Join(none, locales.Text(language, "desks.next", ("title", next.Service.Title.Get(language, content.Organisation.SourceLanguage)), ("date", FormatDate(next.Opening!.Date, language)), ("times", Times([next.Opening], language)))), next.Service);
    }

    /// <summary>Each service's next opening, for the "opening hours" menu.</summary>
    public string Week(string language, ZonedDateTime now)
    {
        var today = now.Date;
        var lines = new List<string>();
        foreach (var service in content.Services)
        {
            var title = service.Title.Get(language, content.Organisation.SourceLanguage);
            var next = ScheduleCalculator.Openings(content, service, today, today.PlusDays(92)).Openings
                .Where(o => !o.IsCancelled && o.End.ToInstant() > now.ToInstant())
                .GroupBy(o => o.Date)
                .FirstOrDefault();
            var fixedHours = ((Content.Model.IScheduledItem)service).Rules.Count > 0;
            lines.Add("- " + (next is null
                ? locales.Text(language, fixedHours ? "schedule.none_soon" : "schedule.no_hours", ("title", title))
                : locales.Text(language, "list.line", ("title", title), ("date", FormatDate(next.Key, language)), ("times", Times(next, language)))));
        }

        return string.Join("\n", lines);
    }

    /// <summary>The next time any desk opens (or the opening under way), as "date, times"; null when none is known.</summary>
    public string? NextOpening(string language, ZonedDateTime now)
    {
        var today = now.Date;
        var next = content.Services
            .SelectMany(s => ScheduleCalculator.Openings(content, s, today, today.PlusDays(92)).Openings)
            .Where(o => !o.IsCancelled && o.End.ToInstant() > now.ToInstant())
            .OrderBy(o => o.Start.ToInstant())
            .FirstOrDefault();
        return next is null ? null : locales.Text(language, "date.times", ("date", FormatDate(next.Date, language)), ("times", Times([next], language)));
    }

    /// <summary>A closure or cancellation reason to put between parentheses: without its final full stop.</summary>
    private string Reason(LocalizedText reason, string language) =>
        reason.Get(language, content.Organisation.SourceLanguage).TrimEnd('.', ' ', '。');

    /// <summary>The next time a month-day comes, today included.</summary>
    internal static LocalDate Next(AnnualDate day, LocalDate today)
    {
        var year = today.Year;
        while (!day.IsValidYear(year) || day.InYear(year) < today)
        {
            year++;
        }

        return day.InYear(year);
    }

    public string FormatDate(LocalDate date, string language) =>
        locales.Text(language, "date",
            ("weekday", locales.Text(language, "day." + date.DayOfWeek.ToString()[..3].ToLowerInvariant())),
            ("day", date.Day),
            ("month", locales.Text(language, "month." + date.Month.ToString(CultureInfo.InvariantCulture))));

    private string When(ScheduledItem item, string title, QuestionCues cues, string language, ZonedDateTime now)
    {
        var scheduled = (IScheduledItem)item;
        if (scheduled.Rules.Count == 0 && scheduled.Sessions.Count == 0)
        {
            var note = item is Service { HoursNote: { } hoursNote } ? " " + hoursNote.Get(language, content.Organisation.SourceLanguage) : string.Empty;
            return Join(locales.Text(language, "schedule.no_hours", ("title", title)) + note, AskContact(item, language));
        }

        var today = now.Date;
        // Four weeks ahead answer nearly every question; further only when nothing comes sooner.
        var result = ScheduleCalculator.Openings(content, scheduled, today, today.PlusDays(31));
        var upcoming = result.Openings.Where(o => o.End.ToInstant() > now.ToInstant()).ToList();
        if (upcoming.Count(o => !o.IsCancelled) < 2)
        {
            result = ScheduleCalculator.Openings(content, scheduled, today, today.PlusDays(92));
            upcoming = result.Openings.Where(o => o.End.ToInstant() > now.ToInstant()).ToList();
        }

        switch (cues.Day)
        {
            case DayCue.Now:
                var current = upcoming.FirstOrDefault(o => !o.IsCancelled && o.Start.ToInstant() <= now.ToInstant());
                return current is not null
                    ? locales.Text(language, "schedule.open_now", ("title", title), ("until", Time(current.End.TimeOfDay)))
                    : Day(title, today, result, upcoming, language);
            case DayCue.Today:
                return Day(title, today, result, upcoming, language);
            case DayCue.Tomorrow:
                return Day(title, today.PlusDays(1), result, upcoming, language);
            case DayCue.Weekday:
                var date = today.DayOfWeek == cues.Weekday ? today : today.Next(cues.Weekday!.Value);
                return Day(title, date, result, upcoming, language);
            case DayCue.Date:
                var asked = Next(cues.Date!.Value, today);
                var around = ScheduleCalculator.Openings(content, scheduled, asked, asked.PlusDays(31));
                return Day(title, asked, around, around.Openings.Where(o => o.End.ToInstant() > now.ToInstant()).ToList(), language);
            default:
                var soon = upcoming.Where(o => o.Date <= today.PlusDays(cues.Day == DayCue.ThisMonth ? 31 : LookAheadDays) || o.Session is not null).Take(4).ToList();
                if (soon.Count == 0)
                {
                    // Nothing in the next weeks: the next dates, however far (holiday-only workshops, a summer trip).
                    soon = ScheduleCalculator.Openings(content, scheduled, today, today.PlusDays(366)).Openings
                        .Where(o => o.End.ToInstant() > now.ToInstant()).Take(3).ToList();
                }

                return Upcoming(title, soon, item, language);
        }
    }

    private string Day(string title, LocalDate date, ScheduleResult result, List<Opening> upcoming, string language)
    {
        var formatted = FormatDate(date, language);
        var that = upcoming.Where(o => o.Date == date && !o.IsCancelled).ToList();
        if (that.Count > 0)
        {
            return locales.Text(language, "schedule.open_on", ("title", title), ("date", formatted), ("times", Times(that, language)));
        }

        var closed = result.Closed.FirstOrDefault(c => c.Date == date);
        var cancelled = upcoming.FirstOrDefault(o => o.Date == date && o.IsCancelled);
        var first = closed is not null
            ? locales.Text(language, "schedule.closed_on", ("title", title), ("date", formatted), ("reason", Reason(closed.Reason, language)))
            : cancelled is not null
                ? locales.Text(language, "schedule.closed_on", ("title", title), ("date", formatted), ("reason", Reason(cancelled.CancelledReason!, language)))
                : locales.Text(language, "schedule.not_open_on", ("title", title), ("date", formatted));
        var next = upcoming.FirstOrDefault(o => o.Date > date && !o.IsCancelled);
        return next is null
            ? first
            : Join(first, locales.Text(language, "schedule.next", ("date", FormatDate(next.Date, language)), ("times", Times(upcoming.Where(o => o.Date == next.Date && !o.IsCancelled), language))));
    }

    private string Upcoming(string title, List<Opening> openings, ScheduledItem item, string language)
    {
        if (openings.Count == 0)
        {
            return Join(locales.Text(language, "schedule.none_soon", ("title", title)), AskContact(item, language));
        }

        var lines = new List<string> { locales.Text(language, "schedule.upcoming", ("title", title)) };
        foreach (var group in openings.GroupBy(o => o.Date))
        {
            var cancelled = group.FirstOrDefault(o => o.IsCancelled);
            if (cancelled is not null)
            {
                lines.Add("- " + locales.Text(language, "session.cancelled", ("date", FormatDate(group.Key, language)), ("reason", Reason(cancelled.CancelledReason!, language))));
                continue;
            }

            var line = "- " + locales.Text(language, "session.line", ("date", FormatDate(group.Key, language)), ("times", Times(group, language)));
            var session = group.First().Session;
            if (session?.MeetingTime is { } meet)
            {
                var place = (session.MeetingPoint ?? (item as Activity)?.MeetingPoint)?.Get(language, content.Organisation.SourceLanguage) ?? string.Empty;
                line += ". " + locales.Text(language, "session.meeting", ("time", Time(meet)), ("place", place)).TrimEnd('.', ' ', ':') + ".";
            }

            lines.Add(line);
        }

        return string.Join("\n", lines);
    }

    private string Where(ScheduledItem item, string title, string language)
    {
        var site = content.FindSite(item.Site);
        if (site is null)
        {
            return Join(locales.Text(language, "where.unknown", ("title", title)), AskContact(item, language));
        }

        var text = locales.Text(language, "where", ("title", title), ("site", site.Name.Get(language, content.Organisation.SourceLanguage)), ("address", site.Address));
        return site.Directions is { } directions ? Join(text, directions.Get(language, content.Organisation.SourceLanguage)) : text;
    }

    private string Bring(ScheduledItem item, string title, string language) =>
        string.Join("\n", new[] { locales.Text(language, "bring", ("title", title)) }
            .Concat(item.Bring.Select(b => "- " + b.Get(language, content.Organisation.SourceLanguage))));

    private string AskContact(ScheduledItem item, string language)
    {
        var contact = Contact(item.Contact) ?? Contact(content.Organisation.Contact);
        return contact is null
            ? string.Empty
            : locales.Text(language, "schedule.ask_contact", ("organisation", content.Organisation.Name.Get(language, content.Organisation.SourceLanguage)), ("contact", contact));
    }

    internal static string? Contact(Contact contact) =>
        contact.IsEmpty ? null : string.Join(", ", new[] { contact.Phone, contact.Email }.Where(c => c is not null));

    private string Times(IEnumerable<Opening> openings, string language) =>
        string.Join(", ", openings.Select(o => locales.Text(language, "time.range", ("from", Time(o.Start.TimeOfDay)), ("to", Time(o.End.TimeOfDay)))));

    private static string Time(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Access(Access access) => access switch
    {
        Content.Model.Access.WalkIn => "walk-in",
        Content.Model.Access.Appointment => "appointment",
        Content.Model.Access.Both => "both",
        _ => "on-request",
    };

    private static string Join(string first, string second) =>
        string.IsNullOrEmpty(second) ? first : first + " " + second;
}
