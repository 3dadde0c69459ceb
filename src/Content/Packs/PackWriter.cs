using System.Globalization;
using NodaTime;
using Reach.Content.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Reach.Content.Packs;

/// <summary>
/// Writes content back to the pack format. The output is canonical (same content, same text), so it
/// is also the stored form of a published version, and reading it back gives the same content.
/// </summary>
public static class PackWriter
{
    /// <summary>One YAML document with every section of one organisation.</summary>
    public static string WriteDocument(OrganisationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var root = new YamlMappingNode();
        foreach (var (key, node) in Sections(content, includeHolidays: true))
        {
            root.Add(key, node);
        }

        return Save(root);
    }

    /// <summary>
    /// Writes a pack folder: one folder per organisation with one file per section, and calendars
    /// shared by every organisation in <c>holidays.yaml</c> at the top.
    /// </summary>
    public static void WriteDirectory(IReadOnlyList<OrganisationContent> organisations, string directory)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        var shared = SharedCalendars(organisations);
        Directory.CreateDirectory(directory);
        if (shared.Count > 0)
        {
            File.WriteAllText(Path.Combine(directory, "holidays.yaml"), Save(new YamlMappingNode { { "holidays", Sequence(shared, Calendar) } }));
        }

        foreach (var content in organisations)
        {
            var folder = Path.Combine(directory, content.Organisation.Id);
            Directory.CreateDirectory(folder);
            foreach (var existing in Directory.EnumerateFiles(folder, "*.yaml"))
            {
                File.Delete(existing);
            }

            var own = content with { Holidays = [.. content.Holidays.Where(h => !shared.Exists(s => s.Id == h.Id))] };
            foreach (var (key, node) in Sections(own, includeHolidays: true))
            {
                File.WriteAllText(Path.Combine(folder, key + ".yaml"), Save(new YamlMappingNode { { key, node } }));
            }
        }
    }

    /// <summary>
    /// The canonical text of one item (service, activity, FAQ entry, referral, safety topic or site): two items with
    /// the same text are the same content. Drafts compare items with it.
    /// </summary>
    public static string WriteItem(object item) => item switch
    {
        Service s => Save(Service(s)),
        Activity a => Save(Activity(a)),
        FaqEntry f => Save(Faq(f)),
        Referral r => Save(Referral(r)),
        SafetyTopic t => Save(Safety(t)),
        Site s => Save(Site(s)),
        _ => throw new ArgumentException($"{item?.GetType().Name ?? "null"} is not a content item.", nameof(item)),
    };

    private static List<HolidayCalendar> SharedCalendars(IReadOnlyList<OrganisationContent> organisations)
    {
        var shared = new List<HolidayCalendar>();
        foreach (var calendar in organisations.SelectMany(o => o.Holidays).DistinctBy(h => h.Id))
        {
            var text = Save(Calendar(calendar));
            var everywhere = organisations.All(o => o.Holidays.Any(h => h.Id == calendar.Id && Save(Calendar(h)) == text));
            if (everywhere)
            {
                shared.Add(calendar);
            }
            else if (organisations.Count(o => o.Holidays.Any(h => h.Id == calendar.Id)) > 1)
            {
                throw new InvalidOperationException($"The holiday calendar '{calendar.Id}' differs between organisations; export them one at a time.");
            }
        }

        return shared;
    }

    private static IEnumerable<(string Key, YamlNode Node)> Sections(OrganisationContent content, bool includeHolidays)
    {
        yield return ("organisation", Organisation(content.Organisation));
        if (content.Sites.Count > 0)
        {
            yield return ("sites", Sequence(content.Sites, Site));
        }

        if (content.Services.Count > 0)
        {
            yield return ("services", Sequence(content.Services, Service));
        }

        if (content.Activities.Count > 0)
        {
            yield return ("activities", Sequence(content.Activities, Activity));
        }

        if (content.Faq.Count > 0)
        {
            yield return ("faq", Sequence(content.Faq, Faq));
        }

        if (content.Referrals.Count > 0)
        {
            yield return ("referrals", Sequence(content.Referrals, Referral));
        }

        if (content.Safety.Count > 0)
        {
            yield return ("safety", Sequence(content.Safety, Safety));
        }

        if (includeHolidays && content.Holidays.Count > 0)
        {
            yield return ("holidays", Sequence(content.Holidays, Calendar));
        }
    }

    private static YamlMappingNode Organisation(Organisation o)
    {
        var map = new YamlMappingNode();
        Add(map, "id", o.Id);
        Add(map, "name", o.Name);
        Add(map, "timezone", o.TimeZone);
        Add(map, "source_language", o.SourceLanguage);
        map.Add("languages", Flow(o.Languages));
        Add(map, "holiday_calendar", o.HolidayCalendar);
        Add(map, "contact", o.Contact);
        Add(map, "closures", o.Closures, Closure);
        if (o.Demo)
        {
            Add(map, "demo", "true");
        }

        return map;
    }

    private static YamlMappingNode Site(Site s)
    {
        var map = new YamlMappingNode();
        Add(map, "id", s.Id);
        Add(map, "name", s.Name);
        Add(map, "address", s.Address);
        Add(map, "directions", s.Directions);
        Add(map, "phone", s.Phone);
        return map;
    }

    private static YamlMappingNode Service(Service s)
    {
        var map = new YamlMappingNode();
        Add(map, "id", s.Id);
        Add(map, "title", s.Title);
        Add(map, "summary", s.Summary);
        Add(map, "site", s.Site);
        Add(map, "access", ItemReader.AccessValues.First(a => a.Value == s.Access).Key);
        Add(map, "hours", s.Hours, Rule);
        Add(map, "hours_note", s.HoursNote);
        Common(map, s);
        return map;
    }

    private static YamlMappingNode Activity(Activity a)
    {
        var map = new YamlMappingNode();
        Add(map, "id", a.Id);
        Add(map, "kind", ItemReader.ActivityKinds.First(k => k.Value == a.Kind).Key);
        Add(map, "title", a.Title);
        Add(map, "description", a.Description);
        Add(map, "site", a.Site);
        Add(map, "meeting_point", a.MeetingPoint);
        Add(map, "schedule", a.Schedule, Rule);
        Add(map, "sessions", a.Sessions, Session);
        if (a.Signup is { } signup)
        {
            var rules = new YamlMappingNode();
            Add(rules, "required", signup.Required ? "true" : "false");
            Add(rules, "capacity", signup.Capacity);
            Add(rules, "deadline_days", signup.DeadlineDays);
            Add(rules, "how", signup.How);
            map.Add("signup", rules);
        }

        Add(map, "price", a.Price);
        Add(map, "audience", a.Audience);
        if (a.Article27)
        {
            Add(map, "article27", "true");
        }

        Common(map, a);
        return map;
    }

    private static void Common(YamlMappingNode map, ScheduledItem item)
    {
        Add(map, "closures", item.Closures, Closure);
        if (item.OpenOnPublicHolidays)
        {
            Add(map, "open_on_public_holidays", "true");
        }

        Add(map, "bring", item.Bring, Text);
        Add(map, "contact", item.Contact);
        Add(map, "keywords", item.Keywords);
        Add(map, "valid_from", item.ValidFrom);
        Add(map, "valid_to", item.ValidTo);
        Add(map, "last_verified", item.LastVerified);
    }

    private static YamlMappingNode Faq(FaqEntry f)
    {
        var map = new YamlMappingNode();
        Add(map, "id", f.Id);
        Add(map, "topic", f.Topic);
        Add(map, "questions", f.Questions);
        Add(map, "answer", f.Answer);
        if (f.Related.Count > 0)
        {
            map.Add("related", Flow(f.Related));
        }

        if (f.Handoff)
        {
            Add(map, "handoff", "true");
        }

        return map;
    }

    private static YamlMappingNode Referral(Referral r)
    {
        var map = new YamlMappingNode();
        Add(map, "id", r.Id);
        Add(map, "kind", ItemReader.ReferralKinds.First(k => k.Value == r.Kind).Key);
        Add(map, "name", r.Name);
        Add(map, "description", r.Description);
        Add(map, "contact", r.Contact);
        Add(map, "hours", r.Hours);
        Add(map, "last_verified", r.LastVerified);
        return map;
    }

    private static YamlMappingNode Safety(SafetyTopic s)
    {
        var map = new YamlMappingNode();
        Add(map, "id", s.Id);
        Add(map, "topic", ItemReader.SafetyKinds.First(k => k.Value == s.Topic).Key);
        Add(map, "triggers", s.Triggers);
        Add(map, "answer", s.Answer);
        Add(map, "contacts", s.Contacts, c =>
        {
            var contact = new YamlMappingNode();
            Add(contact, "name", c.Name);
            Add(contact, "phone", c.Phone);
            Add(contact, "hours", c.Hours);
            return contact;
        });
        return map;
    }

    private static YamlMappingNode Calendar(HolidayCalendar h)
    {
        var map = new YamlMappingNode();
        Add(map, "id", h.Id);
        Add(map, "name", h.Name);
        Add(map, "periods", h.Periods, p =>
        {
            var period = new YamlMappingNode();
            Add(period, "kind", p.Kind == HolidayKind.School ? "school" : "public");
            Add(period, "from", p.From);
            if (p.To != p.From)
            {
                Add(period, "to", p.To);
            }

            Add(period, "name", p.Name);
            return period;
        });
        return map;
    }

    private static YamlMappingNode Rule(ScheduleRule r)
    {
        var map = new YamlMappingNode();
        map.Add("days", Flow(r.Days.Select(d => ScheduleReader.Days.First(x => x.Value == d).Key)));
        Add(map, "from", r.From);
        Add(map, "to", r.To);
        if (r.Weeks.Count > 0)
        {
            map.Add("weeks", Flow(r.Weeks.Select(w => w.ToString(CultureInfo.InvariantCulture))));
        }

        if (r.Every != 1)
        {
            Add(map, "every", r.Every);
        }

        Add(map, "starting", r.Starting);
        if (r.Season is { } season)
        {
            var window = new YamlMappingNode();
            Add(window, "from", Quoted(season.From.ToString("MM'-'dd", CultureInfo.InvariantCulture)));
            Add(window, "to", Quoted(season.To.ToString("MM'-'dd", CultureInfo.InvariantCulture)));
            map.Add("season", window);
        }

        Add(map, "valid_from", r.ValidFrom);
        Add(map, "valid_to", r.ValidTo);
        if (r.School != SchoolFilter.Any)
        {
            Add(map, "school", ScheduleReader.School.First(s => s.Value == r.School).Key);
        }

        Add(map, "site", r.Site);
        Add(map, "note", r.Note);
        return map;
    }

    private static YamlMappingNode Closure(Closure c)
    {
        var map = new YamlMappingNode();
        Add(map, "from", c.From);
        if (c.To != c.From)
        {
            Add(map, "to", c.To);
        }

        Add(map, "reason", c.Reason);
        return map;
    }

    private static YamlMappingNode Session(Session s)
    {
        var map = new YamlMappingNode();
        Add(map, "id", s.Id);
        Add(map, "date", s.Date);
        Add(map, "from", s.From);
        Add(map, "to", s.To);
        Add(map, "site", s.Site);
        Add(map, "meeting_point", s.MeetingPoint);
        if (s.MeetingTime is { } meet)
        {
            Add(map, "meeting_time", meet);
        }

        Add(map, "capacity", s.Capacity);
        Add(map, "price", s.Price);
        Add(map, "note", s.Note);
        Add(map, "cancelled", s.Cancelled);
        Add(map, "moved_from", s.MovedFrom);
        return map;
    }

    private static YamlMappingNode Text(LocalizedText text)
    {
        var map = new YamlMappingNode();
        foreach (var (language, value) in text.Texts.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            map.Add(language, Quoted(value));
        }

        return map;
    }

    private static void Add(YamlMappingNode map, string key, string? value)
    {
        if (value is not null)
        {
            map.Add(key, value);
        }
    }

    private static void Add(YamlMappingNode map, string key, YamlScalarNode value) => map.Add(key, value);

    private static void Add(YamlMappingNode map, string key, int? value)
    {
        if (value is { } number)
        {
            map.Add(key, number.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Add(YamlMappingNode map, string key, LocalDate? value)
    {
        if (value is { } date)
        {
            map.Add(key, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static void Add(YamlMappingNode map, string key, LocalTime value) =>
        map.Add(key, Quoted(value.ToString("HH:mm", CultureInfo.InvariantCulture)));

    private static void Add(YamlMappingNode map, string key, LocalizedText? text)
    {
        if (text is not null)
        {
            map.Add(key, Text(text));
        }
    }

    private static void Add(YamlMappingNode map, string key, LocalizedList list)
    {
        if (!list.Items.Any())
        {
            return;
        }

        var node = new YamlMappingNode();
        foreach (var (language, items) in list.Items.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            node.Add(language, new YamlSequenceNode(items.Select(i => (YamlNode)Quoted(i))));
        }

        map.Add(key, node);
    }

    private static void Add(YamlMappingNode map, string key, Contact contact)
    {
        if (contact.IsEmpty)
        {
            return;
        }

        var node = new YamlMappingNode();
        Add(node, "phone", contact.Phone);
        Add(node, "email", contact.Email);
        Add(node, "website", contact.Website);
        Add(node, "address", contact.Address);
        Add(node, "hours", contact.Hours);
        map.Add(key, node);
    }

    private static void Add<T>(YamlMappingNode map, string key, IReadOnlyList<T> items, Func<T, YamlNode> write)
    {
        if (items.Count > 0)
        {
            map.Add(key, Sequence(items, write));
        }
    }

    private static YamlSequenceNode Sequence<T>(IEnumerable<T> items, Func<T, YamlNode> write) =>
        new(items.Select(write));

    private static YamlSequenceNode Flow(IEnumerable<string> items) =>
        new(items.Select(i => (YamlNode)new YamlScalarNode(i))) { Style = SequenceStyle.Flow };

    private static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    private static string Save(YamlNode root)
    {
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var settings = new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024).WithIndentedSequences();
        stream.Save(new Emitter(writer, settings), assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }
}
