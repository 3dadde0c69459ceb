using NodaTime;
using Reach.Content.Model;
using YamlDotNet.RepresentationModel;

namespace Reach.Content.Packs;

/// <summary>Reads each kind of item of a pack from its YAML node.</summary>
internal static class ItemReader
{
    public static readonly IReadOnlyDictionary<string, Access> AccessValues = new Dictionary<string, Access>
    {
        ["walk-in"] = Access.WalkIn,
        ["appointment"] = Access.Appointment,
        ["both"] = Access.Both,
        ["on-request"] = Access.OnRequest,
    };

    public static readonly IReadOnlyDictionary<string, ActivityKind> ActivityKinds =
        Enum.GetValues<ActivityKind>().ToDictionary(k => Kebab(k.ToString()));

    public static readonly IReadOnlyDictionary<string, ReferralKind> ReferralKinds =
        Enum.GetValues<ReferralKind>().ToDictionary(k => Kebab(k.ToString()));

    public static readonly IReadOnlyDictionary<string, SafetyTopicKind> SafetyKinds =
        Enum.GetValues<SafetyTopicKind>().ToDictionary(k => Kebab(k.ToString()));

    private static readonly string[] OrganisationKeys = ["id", "name", "timezone", "source_language", "languages", "holiday_calendar", "contact", "closures", "demo"];
    private static readonly string[] ContactKeys = ["phone", "email", "website", "address", "hours"];
    private static readonly string[] SiteKeys = ["id", "name", "address", "directions", "phone"];
    private static readonly string[] CommonKeys = ["id", "title", "site", "closures", "open_on_public_holidays", "bring", "contact", "keywords", "valid_from", "valid_to", "last_verified"];
    private static readonly string[] ServiceKeys = [.. CommonKeys, "summary", "access", "hours", "hours_note"];
    private static readonly string[] ActivityKeys = [.. CommonKeys, "kind", "description", "meeting_point", "schedule", "sessions", "signup", "price", "audience", "article27"];
    private static readonly string[] SignupKeys = ["required", "capacity", "deadline_days", "how"];
    private static readonly string[] FaqKeys = ["id", "questions", "answer", "related", "topic", "handoff"];
    private static readonly string[] ReferralKeys = ["id", "name", "kind", "description", "contact", "hours", "last_verified"];
    private static readonly string[] SafetyKeys = ["id", "topic", "triggers", "answer", "contacts"];
    private static readonly string[] EmergencyKeys = ["name", "phone", "hours"];
    private static readonly string[] HolidayKeys = ["id", "name", "periods"];

    public static Organisation? Organisation(FileReader file, YamlNode node)
    {
        if (ScheduleReader.AsMap(file, node, "organisation", OrganisationKeys) is not { } map)
        {
            return null;
        }

        var id = map.Id();
        if (id is not null)
        {
            file.Declare(id, ItemKind.Organisation, map);
        }

        var name = map.Text("name", required: true);
        var timezone = map.String("timezone", required: true);
        if (timezone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(timezone) is null)
        {
            file.Error(map.LineOf("timezone"), map.FieldOf("timezone"), $"'{timezone}' is not a known time zone; use an IANA name such as Europe/Brussels");
            timezone = null;
        }

        var source = map.String("source_language", required: true);
        var languages = map.Strings("languages", required: true);
        foreach (var duplicate in languages.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            file.Error(map.LineOf("languages"), map.FieldOf("languages"), $"'{duplicate.Key}' is listed twice");
        }

        if (source is not null && languages.Count > 0 && !languages.Contains(source))
        {
            file.Error(map.LineOf("languages"), map.FieldOf("languages"), $"the source language '{source}' must be one of the offered languages");
        }

        var calendar = map.String("holiday_calendar");
        file.Refer(calendar, map, "holiday_calendar", ItemKind.Holidays);
        if (id is null || name is null || timezone is null || source is null || languages.Count == 0)
        {
            return null;
        }

        return new Organisation(id, name, timezone, source, languages.Distinct().ToArray())
        {
            HolidayCalendar = calendar,
            Contact = Contact(map),
            Closures = map.List("closures", (n, p, i) => ScheduleReader.Closure(file, n, p, i)),
            Demo = map.Bool("demo"),
            Source = file.Source(node),
        };
    }

    public static Site? Site(FileReader file, YamlNode node, string path, int index)
    {
        if (Item(file, node, path, index, SiteKeys, ItemKind.Site) is not ({ } map, { } id))
        {
            return null;
        }

        var name = map.Text("name", required: true);
        var address = map.String("address", required: true);
        return name is null || address is null ? null : new Site(id, name, address)
        {
            Directions = map.Text("directions"),
            Phone = map.String("phone"),
            Source = file.Source(node),
        };
    }

    public static Service? Service(FileReader file, YamlNode node, string path, int index)
    {
        if (Item(file, node, path, index, ServiceKeys, ItemKind.Service) is not ({ } map, { } id))
        {
            return null;
        }

        var title = map.Text("title", required: true);
        var access = map.Enum("access", AccessValues, required: true);
        var service = Common(file, node, map, new Service(id, title ?? LocalizedText.Empty, access ?? Model.Access.Both)
        {
            Summary = map.Text("summary"),
            Hours = map.List("hours", (n, p, i) => ScheduleReader.Rule(file, n, p, i)),
            HoursNote = map.Text("hours_note"),
        });
        return title is null || access is null ? null : service;
    }

    public static Activity? Activity(FileReader file, YamlNode node, string path, int index)
    {
        if (Item(file, node, path, index, ActivityKeys, ItemKind.Activity) is not ({ } map, { } id))
        {
            return null;
        }

        var kind = map.Enum("kind", ActivityKinds, required: true);
        var title = map.Text("title", required: true);
        var activity = Common(file, node, map, new Activity(id, kind ?? ActivityKind.Other, title ?? LocalizedText.Empty)
        {
            Description = map.Text("description"),
            MeetingPoint = map.Text("meeting_point"),
            Schedule = map.List("schedule", (n, p, i) => ScheduleReader.Rule(file, n, p, i)),
            Sessions = map.List("sessions", (n, p, i) => ScheduleReader.Session(file, n, p, i)),
            Signup = Signup(map),
            Price = map.Text("price"),
            Audience = map.Text("audience"),
            Article27 = map.Bool("article27"),
        });
        return kind is null || title is null ? null : activity;
    }

    public static FaqEntry? Faq(FileReader file, YamlNode node, string path, int index)
    {
        if (Item(file, node, path, index, FaqKeys, ItemKind.Faq) is not ({ } map, { } id))
        {
            return null;
        }

        var questions = map.TextList("questions", required: true);
        var answer = map.Text("answer", required: true);
        var related = map.Strings("related");
        foreach (var target in related)
        {
            file.Refer(target, map.LineOf("related"), map.FieldOf("related"), ItemKind.Service, ItemKind.Activity, ItemKind.Referral, ItemKind.Faq, ItemKind.Site);
        }

        return questions is null || answer is null ? null : new FaqEntry(id, questions, answer)
        {
            Related = related,
            Topic = map.String("topic"),
            Handoff = map.Bool("handoff"),
            Source = file.Source(node),
        };
    }

    public static Referral? Referral(FileReader file, YamlNode node, string path, int index)
    {
        if (Item(file, node, path, index, ReferralKeys, ItemKind.Referral) is not ({ } map, { } id))
        {
            return null;
        }

        var name = map.Text("name", required: true);
        var kind = map.Enum("kind", ReferralKinds, required: true);
        var contact = Contact(map);
        if (map.Has("contact") && contact.IsEmpty)
        {
            file.Error(map.LineOf("contact"), map.FieldOf("contact"), "give at least a phone, an email, a website or an address");
        }
        else if (!map.Has("contact"))
        {
            file.Error(map.Line, map.FieldOf("contact"), "'contact' is required");
        }

        var verified = map.Date("last_verified", required: true);
        return name is null || kind is null || verified is null || contact.IsEmpty ? null : new Referral(id, name, kind.Value, contact, verified.Value)
        {
            Description = map.Text("description"),
            Hours = map.Text("hours"),
            Source = file.Source(node),
        };
    }

    public static SafetyTopic? Safety(FileReader file, YamlNode node, string path, int index)
    {
        if (Item(file, node, path, index, SafetyKeys, ItemKind.Safety) is not ({ } map, { } id))
        {
            return null;
        }

        var topic = map.Enum("topic", SafetyKinds, required: true);
        var triggers = map.TextList("triggers", required: true);
        var answer = map.Text("answer", required: true);
        var contacts = map.List("contacts", (n, p, i) =>
        {
            if (ScheduleReader.AsMap(file, n, $"{p}[{i}]", EmergencyKeys) is not { } contact)
            {
                return null;
            }

            var name = contact.Text("name", required: true);
            var phone = contact.String("phone", required: true);
            return name is null || phone is null ? null : new EmergencyContact(name, phone, contact.Text("hours"));
        }, required: true);
        return topic is null || triggers is null || answer is null ? null : new SafetyTopic(id, topic.Value, triggers, answer, contacts)
        {
            Source = file.Source(node),
        };
    }

    public static HolidayCalendar? Holidays(FileReader file, YamlNode node, string path, int index)
    {
        if (Item(file, node, path, index, HolidayKeys, ItemKind.Holidays) is not ({ } map, { } id))
        {
            return null;
        }

        var name = map.Text("name", required: true);
        var periods = map.List("periods", (n, p, i) => ScheduleReader.Period(file, n, p, i), required: true);
        return name is null ? null : new HolidayCalendar(id, name, periods) { Source = file.Source(node) };
    }

    private static (YamlMap? Map, string? Id) Item(FileReader file, YamlNode node, string path, int index, string[] keys, ItemKind kind)
    {
        var idText = node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("id"), out var idNode)
            ? (idNode as YamlScalarNode)?.Value
            : null;
        var itemPath = string.IsNullOrWhiteSpace(idText) ? $"{path}[{index}]" : $"{path}[{idText.Trim()}]";
        if (ScheduleReader.AsMap(file, node, itemPath, keys) is not { } map)
        {
            return (null, null);
        }

        var id = map.Id();
        if (id is not null)
        {
            file.Declare(id, kind, map);
        }

        return (map, id);
    }

    /// <summary>Reads the fields services and activities share into <paramref name="item"/>.</summary>
    private static T Common<T>(FileReader file, YamlNode node, YamlMap map, T item)
        where T : ScheduledItem
    {
        var site = map.String("site");
        file.Refer(site, map, "site", ItemKind.Site);
        var validFrom = map.Date("valid_from");
        var validTo = map.Date("valid_to");
        ScheduleReader.CheckDates(map, validFrom, validTo, "valid_from", "valid_to");
        return (T)(item with
        {
            Site = site,
            Closures = map.List("closures", (n, p, i) => ScheduleReader.Closure(file, n, p, i)),
            OpenOnPublicHolidays = map.Bool("open_on_public_holidays"),
            Bring = TextItems(map, "bring"),
            Contact = Contact(map),
            Keywords = map.TextList("keywords") ?? LocalizedList.Empty,
            ValidFrom = validFrom,
            ValidTo = validTo,
            LastVerified = map.Date("last_verified"),
            Source = file.Source(node),
        });
    }

    private static Contact Contact(YamlMap parent)
    {
        var map = parent.Map("contact", ContactKeys);
        return map is null
            ? Model.Contact.None
            : new Contact(map.String("phone"), map.String("email"), map.String("website"), map.String("address"), map.Text("hours"));
    }

    private static SignupRules? Signup(YamlMap parent)
    {
        var map = parent.Map("signup", SignupKeys);
        return map is null
            ? null
            : new SignupRules(map.Bool("required"), map.Int("capacity", 0, 100_000), map.Int("deadline_days", 0, 365), map.Text("how"));
    }

    private static IReadOnlyList<LocalizedText> TextItems(YamlMap map, string key) =>
        map.List(key, (n, p, i) =>
        {
            if (n is not YamlMappingNode)
            {
                map.File.Error(n, $"{p}[{i}]", "expected a map of language to text, e.g. {fr: \"…\"}");
                return null;
            }

            var holder = new YamlMap(new YamlMappingNode(new YamlScalarNode("text"), n), $"{p}[{i}]", map.File, ["text"]);
            return holder.Text("text");
        });

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
