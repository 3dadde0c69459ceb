using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Reach.Content.Model;

namespace Reach.Web.ContentEditing;

/// <summary>
/// The form rows of the content editors and their conversion to the content model. Each conversion writes its
/// problems in plain words under the row's field name (e.g. <c>Hours[1].To</c>), shown next to the field.
/// </summary>
public static class Forms
{
    public static readonly IReadOnlyList<(IsoDayOfWeek Day, string Name)> Days =
    [
        (IsoDayOfWeek.Monday, "Mon"), (IsoDayOfWeek.Tuesday, "Tue"), (IsoDayOfWeek.Wednesday, "Wed"), (IsoDayOfWeek.Thursday, "Thu"),
        (IsoDayOfWeek.Friday, "Fri"), (IsoDayOfWeek.Saturday, "Sat"), (IsoDayOfWeek.Sunday, "Sun"),
    ];

    public static string Time(LocalTime time) => LocalTimePattern.CreateWithInvariantCulture("HH:mm").Format(time);

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string? Date(LocalDate? date) => date is { } d ? Date(d) : null;

    public static LocalizedText? Text(Dictionary<string, string>? texts, IReadOnlyList<string> languages) =>
        texts?.Where(t => languages.Contains(t.Key) && !string.IsNullOrWhiteSpace(t.Value)).Select(t => KeyValuePair.Create(t.Key, t.Value.Trim())).ToList() is { Count: > 0 } list
            ? new LocalizedText(list)
            : null;

    /// <summary>A typed value trimmed, or null when nothing was typed.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static Dictionary<string, string> Texts(LocalizedText? text) => text?.Texts.ToDictionary(t => t.Key, t => t.Value) ?? [];

    internal static LocalTime? ParseTime(string? text, string field, string label, Dictionary<string, string> errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = $"Give the {label} time, for example 09:30.";
            }

            return null;
        }

        var written = text.Trim().Replace('h', ':').Replace('H', ':').Replace('.', ':');
        var result = LocalTimePattern.CreateWithInvariantCulture("H:mm").Parse(written.EndsWith(':') ? written + "00" : written.Contains(':', StringComparison.Ordinal) ? written : written + ":00");
        if (!result.Success)
        {
            errors[field] = $"'{text}' is not a time: write it as 09:30.";
            return null;
        }

        return result.Value;
    }

    internal static LocalDate? ParseDate(string? text, string field, string label, Dictionary<string, string> errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = $"Give the {label} date.";
            }

            return null;
        }

        var result = LocalDatePattern.Iso.Parse(text.Trim());
        if (!result.Success)
        {
            errors[field] = $"'{text}' is not a date: choose it in the calendar (year-month-day).";
            return null;
        }

        return result.Value;
    }
}

/// <summary>One weekly time slot of a service's hours or an activity's schedule.</summary>
public sealed class RuleForm
{
    public List<string> Days { get; set; } = [];

    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>Weeks of the month, e.g. "1, 3" or "last"; empty: every week.</summary>
    public string? Weeks { get; set; }

    public int? Every { get; set; }

    public string? Starting { get; set; }

    public string School { get; set; } = nameof(SchoolFilter.Any);

    public string? ValidFrom { get; set; }

    public string? ValidTo { get; set; }

    public string? Site { get; set; }

    public Dictionary<string, string> Note { get; set; } = [];

    public bool Remove { get; set; }

    /// <summary>The rule's position in the published list, so fields the form does not show (a season) are kept.</summary>
    public int? Original { get; set; }

    public bool IsBlank => Days.Count == 0 && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To);

    public static RuleForm Of(ScheduleRule rule, int index) => new()
    {
        Days = rule.Days.Select(d => d.ToString()).ToList(),
        From = Forms.Time(rule.From),
        To = Forms.Time(rule.To),
        Weeks = string.Join(", ", rule.Weeks.Select(w => w == -1 ? "last" : w.ToString(CultureInfo.InvariantCulture))),
        Every = rule.Every == 1 ? null : rule.Every,
        Starting = Forms.Date(rule.Starting),
        School = rule.School.ToString(),
        ValidFrom = Forms.Date(rule.ValidFrom),
        ValidTo = Forms.Date(rule.ValidTo),
        Site = rule.Site,
        Note = Forms.Texts(rule.Note),
        Original = index,
    };

    /// <summary>The rules of a form, blank and removed rows left out; null when a row has an error.</summary>
    public static List<ScheduleRule>? ToRules(string name, IReadOnlyList<RuleForm> rows, IReadOnlyList<ScheduleRule> original, IReadOnlyList<string> languages, Dictionary<string, string> errors)
    {
        var rules = new List<ScheduleRule>();
        var before = errors.Count;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Remove || row.IsBlank)
            {
                continue;
            }

            var field = $"{name}[{i}]";
            var days = row.Days.Select(d => Enum.TryParse<IsoDayOfWeek>(d, out var day) ? day : IsoDayOfWeek.None).Where(d => d != IsoDayOfWeek.None).Distinct().Order().ToList();
            if (days.Count == 0)
            {
                errors[$"{field}.Days"] = "Tick at least one day.";
            }

            var from = Forms.ParseTime(row.From, $"{field}.From", "opening", errors);
            var to = Forms.ParseTime(row.To, $"{field}.To", "closing", errors);
            if (from is { } f && to is { } t && t <= f)
            {
                errors[$"{field}.To"] = $"The end ({Forms.Time(t)}) must be after the start ({Forms.Time(f)}).";
            }

            var weeks = new List<int>();
            foreach (var part in (row.Weeks ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Equals("last", StringComparison.OrdinalIgnoreCase) || part == "-1")
                {
                    weeks.Add(-1);
                }
                else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var week) && week is >= 1 and <= 5)
                {
                    weeks.Add(week);
                }
                else
                {
                    errors[$"{field}.Weeks"] = $"'{part}' is not a week of the month: write 1 to 5 or last, e.g. \"1, 3\".";
                }
            }

            if (row.Every is < 1 or > 52)
            {
                errors[$"{field}.Every"] = "Every how many weeks: a number from 1 to 52.";
            }

            var starting = Forms.ParseDate(row.Starting, $"{field}.Starting", "first", errors, required: row.Every is > 1);
            var validFrom = Forms.ParseDate(row.ValidFrom, $"{field}.ValidFrom", "first", errors, required: false);
            var validTo = Forms.ParseDate(row.ValidTo, $"{field}.ValidTo", "last", errors, required: false);
            if (validFrom is { } vf && validTo is { } vt && vt < vf)
            {
                errors[$"{field}.ValidTo"] = "The last day must be on or after the first.";
            }

            if (!Enum.TryParse<SchoolFilter>(row.School, out var school))
            {
                errors[$"{field}.School"] = "Choose when in the school year.";
            }

            if (errors.Count > before || from is null || to is null)
            {
                continue;
            }

            var basis = row.Original is { } o && o >= 0 && o < original.Count ? original[o] : new ScheduleRule(days, from.Value, to.Value);
            rules.Add(basis with
            {
                Days = days,
                From = from.Value,
                To = to.Value,
                Weeks = weeks.Distinct().ToList(),
                Every = row.Every ?? 1,
                Starting = starting,
                School = school,
                ValidFrom = validFrom,
                ValidTo = validTo,
                Site = string.IsNullOrWhiteSpace(row.Site) ? null : row.Site,
                Note = Forms.Text(row.Note, languages),
            });
        }

        return errors.Count > before ? null : rules;
    }
}

/// <summary>Whole days closed, with the reason people are told.</summary>
public sealed class ClosureForm
{
    public string? From { get; set; }

    public string? To { get; set; }

    public Dictionary<string, string> Reason { get; set; } = [];

    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To) && Reason.Values.All(string.IsNullOrWhiteSpace);

    public static ClosureForm Of(Closure closure) => new() { From = Forms.Date(closure.From), To = Forms.Date(closure.To), Reason = Forms.Texts(closure.Reason) };

    public static List<Closure>? ToClosures(IReadOnlyList<ClosureForm> rows, string source, IReadOnlyList<string> languages, Dictionary<string, string> errors)
    {
        var closures = new List<Closure>();
        var before = errors.Count;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Remove || row.IsBlank)
            {
                continue;
            }

            var field = $"Closures[{i}]";
            var from = Forms.ParseDate(row.From, $"{field}.From", "first closed", errors);
            var to = string.IsNullOrWhiteSpace(row.To) ? from : Forms.ParseDate(row.To, $"{field}.To", "last closed", errors);
            if (from is { } f && to is { } t && t < f)
            {
                errors[$"{field}.To"] = "The last day closed must be on or after the first.";
            }

            var reason = Forms.Text(row.Reason, languages);
            if (reason?.Find(source) is null)
            {
                errors[$"{field}.Reason"] = $"Say why in {source}: people are told the reason.";
            }

            if (from is { } start && to is { } end && reason is not null && end >= start)
            {
                closures.Add(new Closure(start, end, reason));
            }
        }

        return errors.Count > before ? null : closures;
    }
}

/// <summary>One dated session of an activity.</summary>
public sealed class SessionForm
{
    public string? Id { get; set; }

    public string? Date { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? MeetingTime { get; set; }

    public int? Capacity { get; set; }

    public string? Site { get; set; }

    public Dictionary<string, string> Note { get; set; } = [];

    /// <summary>The reason, when the session is cancelled.</summary>
    public Dictionary<string, string> Cancelled { get; set; } = [];

    public bool Remove { get; set; }

    public int? Original { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To);

    public static SessionForm Of(Session session, int index) => new()
    {
        Id = session.Id,
        Date = Forms.Date(session.Date),
        From = Forms.Time(session.From),
        To = Forms.Time(session.To),
        MeetingTime = session.MeetingTime is { } m ? Forms.Time(m) : null,
        Capacity = session.Capacity,
        Site = session.Site,
        Note = Forms.Texts(session.Note),
        Cancelled = Forms.Texts(session.Cancelled),
        Original = index,
    };

    public static List<Session>? ToSessions(IReadOnlyList<SessionForm> rows, IReadOnlyList<Session> original, IReadOnlyList<string> languages, Dictionary<string, string> errors)
    {
        var sessions = new List<Session>();
        var before = errors.Count;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Remove || row.IsBlank)
            {
                continue;
            }

            var field = $"Sessions[{i}]";
            var date = Forms.ParseDate(row.Date, $"{field}.Date", "session", errors);
            var from = Forms.ParseTime(row.From, $"{field}.From", "start", errors);
            var to = Forms.ParseTime(row.To, $"{field}.To", "end", errors);
            var meeting = Forms.ParseTime(row.MeetingTime, $"{field}.MeetingTime", "meeting", errors, required: false);
            if (from is { } f && to is { } t && t <= f)
            {
                errors[$"{field}.To"] = $"The end ({Forms.Time(t)}) must be after the start ({Forms.Time(f)}).";
            }

            if (row.Capacity is < 1)
            {
                errors[$"{field}.Capacity"] = "Places: a number from 1, or empty when there is no limit.";
            }

            var id = string.IsNullOrWhiteSpace(row.Id) ? (date is { } d ? Forms.Date(d) : null) : row.Id.Trim();
            if (id is not null && sessions.Exists(s => s.Id == id))
            {
                errors[$"{field}.Date"] = $"Another session has the name '{id}': give this one another date or name.";
            }

            if (errors.Count > before || date is null || from is null || to is null || id is null)
            {
                continue;
            }

            var basis = row.Original is { } o && o >= 0 && o < original.Count ? original[o] : new Session(id, date.Value, from.Value, to.Value);
            sessions.Add(basis with
            {
                Id = id,
                Date = date.Value,
                From = from.Value,
                To = to.Value,
                MeetingTime = meeting,
                Capacity = row.Capacity,
                Site = string.IsNullOrWhiteSpace(row.Site) ? null : row.Site,
                Note = Forms.Text(row.Note, languages),
                Cancelled = Forms.Text(row.Cancelled, languages),
            });
        }

        return errors.Count > before ? null : sessions;
    }
}

/// <summary>A phone number people can call about a sensitive topic.</summary>
public sealed class EmergencyForm
{
    public Dictionary<string, string> Name { get; set; } = [];

    public string? Phone { get; set; }

    public Dictionary<string, string> Hours { get; set; } = [];

    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Phone) && Name.Values.All(string.IsNullOrWhiteSpace);

    public static EmergencyForm Of(EmergencyContact contact) => new() { Name = Forms.Texts(contact.Name), Phone = contact.Phone, Hours = Forms.Texts(contact.Hours) };

    public static List<EmergencyContact>? ToContacts(IReadOnlyList<EmergencyForm> rows, string source, IReadOnlyList<string> languages, Dictionary<string, string> errors)
    {
        var contacts = new List<EmergencyContact>();
        var before = errors.Count;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Remove || row.IsBlank)
            {
                continue;
            }

            var name = Forms.Text(row.Name, languages);
            if (name?.Find(source) is null)
            {
                errors[$"Contacts[{i}].Name"] = $"Give the name in {source}.";
            }

            var phone = row.Phone?.Trim();
            if (string.IsNullOrEmpty(phone) || !phone.Any(char.IsDigit) || phone.Any(c => !char.IsDigit(c) && c is not (' ' or '+' or '/' or '.' or '-')))
            {
                errors[$"Contacts[{i}].Phone"] = "Give the number to call, digits only (spaces, +, / and dots allowed), e.g. 0800 30 030.";
            }

            if (name is not null && errors.Count == before)
            {
                contacts.Add(new EmergencyContact(name, phone!, Forms.Text(row.Hours, languages)));
            }
        }

        return errors.Count > before ? null : contacts;
    }
}
