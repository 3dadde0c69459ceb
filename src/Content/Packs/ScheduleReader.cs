using NodaTime;
using NodaTime.Text;
using Reach.Content.Model;
using YamlDotNet.RepresentationModel;

namespace Reach.Content.Packs;

/// <summary>Reads the time-related parts of a pack: schedule rules, closures, sessions, holiday periods.</summary>
internal static class ScheduleReader
{
    public static readonly IReadOnlyDictionary<string, IsoDayOfWeek> Days = new Dictionary<string, IsoDayOfWeek>
    {
        ["mon"] = IsoDayOfWeek.Monday,
        ["tue"] = IsoDayOfWeek.Tuesday,
        ["wed"] = IsoDayOfWeek.Wednesday,
        ["thu"] = IsoDayOfWeek.Thursday,
        ["fri"] = IsoDayOfWeek.Friday,
        ["sat"] = IsoDayOfWeek.Saturday,
        ["sun"] = IsoDayOfWeek.Sunday,
    };

    public static readonly IReadOnlyDictionary<string, SchoolFilter> School = new Dictionary<string, SchoolFilter>
    {
        ["term-only"] = SchoolFilter.TermOnly,
        ["holidays-only"] = SchoolFilter.HolidaysOnly,
    };

    public static readonly IReadOnlyDictionary<string, HolidayKind> HolidayKinds = new Dictionary<string, HolidayKind>
    {
        ["school"] = HolidayKind.School,
        ["public"] = HolidayKind.Public,
    };

    private static readonly string[] RuleKeys = ["days", "from", "to", "weeks", "every", "starting", "season", "valid_from", "valid_to", "school", "site", "note"];
    private static readonly string[] ClosureKeys = ["from", "to", "reason"];
    private static readonly string[] SeasonKeys = ["from", "to"];
    private static readonly string[] PeriodKeys = ["kind", "from", "to", "name"];
    private static readonly string[] SessionKeys = ["id", "date", "from", "to", "site", "meeting_point", "meeting_time", "capacity", "price", "note", "cancelled", "moved_from"];
    private static readonly AnnualDatePattern SeasonPattern = AnnualDatePattern.CreateWithInvariantCulture("MM'-'dd");

    public static ScheduleRule? Rule(FileReader file, YamlNode node, string path, int index)
    {
        if (AsMap(file, node, $"{path}[{index}]", RuleKeys) is not { } map)
        {
            return null;
        }

        var days = DaysOf(map);
        var from = map.Time("from", required: true);
        var to = map.Time("to", required: true);
        CheckOrder(map, from, to);
        var weeks = map.Strings("weeks").Select((text, i) => WeekOf(map, text, i)).ToList();
        var every = map.Int("every", 1, 52) ?? 1;
        var starting = map.Date("starting");
        if (every > 1 && starting is null)
        {
            map.File.Error(map.LineOf("every"), map.FieldOf("starting"), $"'every: {every}' needs 'starting', the date of a week when it takes place");
        }

        var validFrom = map.Date("valid_from");
        var validTo = map.Date("valid_to");
        CheckDates(map, validFrom, validTo, "valid_from", "valid_to");
        var site = map.String("site");
        map.File.Refer(site, map, "site", ItemKind.Site);
        if (days.Count == 0 || from is null || to is null || weeks.Contains(0))
        {
            return null;
        }

        return new ScheduleRule(days, from.Value, to.Value)
        {
            Weeks = weeks,
            Every = every,
            Starting = starting,
            Season = Season(map),
            ValidFrom = validFrom,
            ValidTo = validTo,
            School = map.Enum("school", School) ?? SchoolFilter.Any,
            Site = site,
            Note = map.Text("note"),
        };
    }

    public static Closure? Closure(FileReader file, YamlNode node, string path, int index)
    {
        if (AsMap(file, node, $"{path}[{index}]", ClosureKeys) is not { } map)
        {
            return null;
        }

        var from = map.Date("from", required: true);
        var to = map.Date("to") ?? from;
        CheckDates(map, from, to, "from", "to");
        var reason = map.Text("reason", required: true);
        return from is null || to is null || reason is null || to < from ? null : new Closure(from.Value, to.Value, reason);
    }

    public static HolidayPeriod? Period(FileReader file, YamlNode node, string path, int index)
    {
        if (AsMap(file, node, $"{path}[{index}]", PeriodKeys) is not { } map)
        {
            return null;
        }

        var kind = map.Enum("kind", HolidayKinds, required: true);
        var from = map.Date("from", required: true);
        var to = map.Date("to") ?? from;
        CheckDates(map, from, to, "from", "to");
        var name = map.Text("name", required: true);
        return kind is null || from is null || to is null || name is null || to < from
            ? null
            : new HolidayPeriod(kind.Value, from.Value, to.Value, name);
    }

    public static Session? Session(FileReader file, YamlNode node, string path, int index)
    {
        if (AsMap(file, node, $"{path}[{index}]", SessionKeys) is not { } map)
        {
            return null;
        }

        var id = map.Id();
        if (id is not null)
        {
            file.Declare(id, ItemKind.Session, map);
        }

        var date = map.Date("date", required: true);
        var from = map.Time("from", required: true);
        var to = map.Time("to", required: true);
        CheckOrder(map, from, to);
        var meetingTime = map.Time("meeting_time");
        if (meetingTime is { } meet && from is { } start && meet > start)
        {
            file.Error(map.LineOf("meeting_time"), map.FieldOf("meeting_time"), $"'meeting_time' ({meet:HH:mm}) is after 'from' ({start:HH:mm})");
        }

        var site = map.String("site");
        file.Refer(site, map, "site", ItemKind.Site);
        if (id is null || date is null || from is null || to is null)
        {
            return null;
        }

        return new Session(id, date.Value, from.Value, to.Value)
        {
            Site = site,
            MeetingPoint = map.Text("meeting_point"),
            MeetingTime = meetingTime,
            Capacity = map.Int("capacity", 0, 100_000),
            Price = map.Text("price"),
            Note = map.Text("note"),
            Cancelled = map.Text("cancelled"),
            MovedFrom = map.Date("moved_from"),
            Source = file.Source(node),
        };
    }

    public static YamlMap? AsMap(FileReader file, YamlNode node, string path, IReadOnlyCollection<string> keys)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, path, file, keys);
        }

        file.Error(node, path, "expected a map of fields ('key: value' lines, or {key: value})");
        return null;
    }

    public static void CheckDates(YamlMap map, LocalDate? from, LocalDate? to, string fromKey, string toKey)
    {
        if (from is { } start && to is { } end && end < start)
        {
            map.File.Error(map.LineOf(toKey), map.FieldOf(toKey), $"'{toKey}' ({end:yyyy-MM-dd}) is before '{fromKey}' ({start:yyyy-MM-dd})");
        }
    }

    private static void CheckOrder(YamlMap map, LocalTime? from, LocalTime? to)
    {
        if (from is { } start && to is { } end && end <= start)
        {
            map.File.Error(map.LineOf("to"), map.FieldOf("to"), $"'to' ({end:HH:mm}) is before 'from' ({start:HH:mm})");
        }
    }

    private static List<IsoDayOfWeek> DaysOf(YamlMap map)
    {
        var days = new List<IsoDayOfWeek>();
        var texts = map.Strings("days", required: true);
        if (map.Has("days") && texts.Count == 0)
        {
            map.File.Error(map.LineOf("days"), map.FieldOf("days"), "give at least one day, e.g. [tue, thu]");
        }

        foreach (var text in texts)
        {
            if (Days.TryGetValue(text, out var day))
            {
                days.Add(day);
            }
            else
            {
                map.File.Error(map.LineOf("days"), map.FieldOf("days"), $"'{text}' is not one of: {string.Join(", ", Days.Keys)}");
            }
        }

        return days;
    }

    private static int WeekOf(YamlMap map, string text, int index)
    {
        if (int.TryParse(text, out var week) && (week is >= 1 and <= 5 || week == -1))
        {
            return week;
        }

        map.File.Error(map.LineOf("weeks"), $"{map.FieldOf("weeks")}[{index}]", $"'{text}' is not a week of the month: 1 to 5, or -1 for the last");
        return 0;
    }

    private static SeasonWindow? Season(YamlMap map)
    {
        var season = map.Map("season", SeasonKeys);
        if (season is null)
        {
            return null;
        }

        AnnualDate? Read(string key)
        {
            var text = season.String(key, required: true);
            if (text is null)
            {
                return null;
            }

            var result = SeasonPattern.Parse(text);
            if (result.Success)
            {
                return result.Value;
            }

            season.File.Error(season.LineOf(key), season.FieldOf(key), $"'{text}' is not a day of the year written MM-DD, e.g. \"11-13\"");
            return null;
        }

        var from = Read("from");
        var to = Read("to");
        return from is null || to is null ? null : new SeasonWindow(from.Value, to.Value);
    }
}
