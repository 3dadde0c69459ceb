using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using Reach.Benchmarks.Load;
using Reach.Content.Model;
using Reach.Content.Packs;
using Reach.Content.Storage;
using Reach.Testing;

namespace Reach.Benchmarks.Pages;

/// <summary>How much the pages benchmark seeds on top of the demo content.</summary>
internal sealed record SeedVolumes(int People, int Messages, int OpenHandoffs, int Appointments, int Questions, int AuditRows);

/// <summary>A seeded person: what the other tables need to know of them.</summary>
internal sealed record SeededContact(long Id, string OrganisationId, string Channel, string Address, string Language, string? FirstName, bool OptedOut);

/// <summary>
/// Fills a migrated store that already holds the demo content (published by the host) with the volumes of a busy
/// association: people on every channel in five languages for sem and cssbse, their conversations, open and
/// closed handoffs, the team's accounts, questions not understood, weekly question counts and the audit log.
/// Appointments, reminders, sign-ups and broadcasts are in <see cref="ActivitySeed"/>. Bulk SQL matching the
/// schema, 100 rows a statement; every random choice comes from one seeded <see cref="Random"/>, so two runs
/// seed the same rows (times are relative to the real clock, as the host's).
/// </summary>
internal sealed class PageSeed(ReachDatabase database, SeedVolumes volumes, DateTimeOffset now, CancellationToken cancellationToken)
{
    public const string Email = "bench@sem.example";

    private static readonly string[] Organisations = ["sem", "sem", "sem", "cssbse", "cssbse"];

    private readonly Random random = new(42);

    public DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/Brussels"];

    public DateTimeOffset Now => now;

    public Random Random => random;

    public ReachDatabase Database => database;

    public CancellationToken Cancellation => cancellationToken;

    public IReadOnlyList<SeededContact> Contacts { get; private set; } = [];

    public IReadOnlyDictionary<string, OrganisationContent> Content { get; private set; } = new Dictionary<string, OrganisationContent>();

    /// <summary>Account ids and names of each organisation's team.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(long Id, string Name)>> Team { get; private set; } = new Dictionary<string, IReadOnlyList<(long, string)>>();

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Seeds everything and returns what the benchmark opens: ids of a conversation, an appointment, a broadcast, and the busiest day.</summary>
    public async Task<PageTargets> RunAsync(string password, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var today = LocalDate.FromDateTime(now.UtcDateTime);
        Content = PackReader.ReadDirectory(RepositoryPaths.DemoPack, today).Pack!.Organisations.ToDictionary(o => o.Organisation.Id, StringComparer.Ordinal);
        await AccountsAsync(password);
        await ContactsAsync();
        var messages = await MessagesAsync();
        var conversation = await HandoffsAsync(messages);
        await QuestionsAsync();
        await AuditAsync();
        var activity = new ActivitySeed(this);
        var (appointment, day) = await activity.AppointmentsAsync(volumes.Appointments);
        await activity.SignupsAsync();
        var broadcast = await activity.BroadcastsAsync();
        if (database.Dialect == StoreDialect.Postgres)
        {
            // As autovacuum would within a minute of such a bulk load: planner statistics for the new rows.
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteAsync("ANALYZE", commandType: System.Data.CommandType.Text);
        }

        return new PageTargets(appointment, conversation, broadcast, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "sem-faq-bring");
    }

    private async Task AccountsAsync(string password)
    {
        var hash = new PasswordHasher<string>().HashPassword(Email, password);
        var rows = new List<object?[]> { Account("sem", Email, "Benchmark", "admin,coordinator,staff", hash) };
        foreach (var organisation in Organisations.Distinct())
        {
            rows.AddRange(Enumerable.Range(1, 8).Select(n => Account(organisation, $"staff{n}@{organisation}.example", $"Colleague {n}", n == 1 ? "admin,staff" : n < 4 ? "coordinator,staff" : "staff", hash)));
        }

        var ids = await Seed.InsertReturningIdsAsync(database, "accounts", ["organisation_id", "email", "display_name", "roles", "language", "password_hash", "created_at", "updated_at"], rows, cancellationToken);
        Team = rows.Select((r, i) => (Organisation: (string)r[0]!, Id: ids[i], Name: (string)r[2]!))
            .Where(a => a.Name != "Benchmark")
            .GroupBy(a => a.Organisation)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(long, string)>)g.Select(a => (a.Id, a.Name)).ToList(), StringComparer.Ordinal);

        object?[] Account(string organisation, string email, string name, string roles, string passwordHash) =>
            [organisation, email, name, roles, "fr", passwordHash, now.AddDays(-200), now.AddDays(-200)];
    }

    private async Task ContactsAsync()
    {
        var contacts = new List<SeededContact>(volumes.People);
        for (var i = 0; i < volumes.People; i++)
        {
            var organisation = Organisations[i % Organisations.Length];
            var language = Pick(SeedTexts.LanguageMix);
            var slot = i % 20;

            // 50 % SMS, 15 % WhatsApp (two in three the phone of an SMS contact ten rows earlier: one person on both), 25 % Telegram, 10 % web chat.
            var (channel, address) = slot switch
            {
                < 10 => ("sms", Phone(i)),
                < 13 => ("whatsapp", i >= 10 && slot < 12 ? Phone(i - 10) : Phone(i)),
                < 18 => ("telegram", (100_000_000 + i).ToString(CultureInfo.InvariantCulture)),
                _ => ("web", "web-" + i.ToString("x8", CultureInfo.InvariantCulture)),
            };
            var firstName = random.Next(4) == 0 ? null : Pick(SeedTexts.FirstNames[language]);
            contacts.Add(new SeededContact(0, organisation, channel, address, language, firstName, OptedOut: random.Next(50) == 0));
        }

        var rows = contacts.Select(c =>
        {
            var created = now.AddMinutes(-random.Next(60, 365 * 24 * 60));
            var updated = c.OptedOut ? now.AddMinutes(-random.Next(60, 8 * 7 * 24 * 60)) : created;
            return new object?[] { c.OrganisationId, c.Channel, c.Address, c.FirstName, c.Language, "ready", c.OptedOut, created, updated };
        }).ToList();
        var ids = await Seed.InsertReturningIdsAsync(database, "contacts", ["organisation_id", "channel", "address", "first_name", "language", "stage", "opted_out", "created_at", "updated_at"], rows, cancellationToken);
        Contacts = contacts.Select((c, i) => c with { Id = ids[i] }).ToList();

        static string Phone(int i) => "+3247" + i.ToString("D7", CultureInfo.InvariantCulture);
    }

    /// <summary>Conversation messages, few for most people and hundreds for some (the square of a uniform draw picks low ranks more often). Returns the count per contact.</summary>
    private async Task<Dictionary<long, int>> MessagesAsync()
    {
        var counts = new int[Contacts.Count];
        for (var m = 0; m < volumes.Messages; m++)
        {
            var u = random.NextDouble();
            counts[(int)(Contacts.Count * u * u)]++;
        }

        var rows = new List<object?[]>(volumes.Messages);
        for (var c = 0; c < Contacts.Count; c++)
        {
            var contact = Contacts[c];
            // Spread over a conversation that began up to 90 days ago and goes on until an hour ago, in order.
            var start = now.AddMinutes(-random.Next(2 * 60, 90 * 24 * 60));
            var span = now.AddHours(-1) - start;
            for (var m = 0; m < counts[c]; m++)
            {
                var at = start + (span * ((m + (random.NextDouble() / 2)) / counts[c]));
                var direction = m % 2 == 0 ? "in" : m % 7 == 5 ? "staff" : "out";
                var text = direction switch
                {
                    "in" => Pick(SeedTexts.Incoming[contact.Language]),
                    "staff" => SeedTexts.Staff[contact.Language],
                    _ => Pick(SeedTexts.Replies[contact.Language]),
                };
                rows.Add([contact.Id, direction, text, at]);
            }
        }

        await Seed.InsertAsync(database, "messages", ["contact_id", "direction", "text", "at"], rows, cancellationToken);
        return Contacts.Select((c, i) => (c.Id, Count: counts[i])).Where(c => c.Count > 0).ToDictionary(c => c.Id, c => c.Count);
    }

    /// <summary>Open handoffs (60 % sem) and four times as many closed ones; returns the open sem handoff with the longest conversation.</summary>
    private async Task<long> HandoffsAsync(Dictionary<long, int> messages)
    {
        var talking = Contacts.Where(c => messages.GetValueOrDefault(c.Id) >= 2).ToList();
        var busiest = talking.Where(c => c.OrganisationId == "sem").MaxBy(c => messages[c.Id])!;
        var open = talking.Where(c => c != busiest).OrderBy(_ => random.Next()).Take(volumes.OpenHandoffs - 1).Prepend(busiest).ToList();
        var closed = Enumerable.Range(0, volumes.OpenHandoffs * 4).Select(_ => Pick(talking)).ToList();
        var rows = new List<object?[]>();
        foreach (var contact in open)
        {
            var team = Team[contact.OrganisationId];
            rows.Add([contact.OrganisationId, contact.Id, Pick(SeedTexts.HandoffReasons), now.AddMinutes(-random.Next(5, 14 * 24 * 60)), null, random.Next(3) == 0 ? Pick(team).Id : null]);
        }

        foreach (var contact in closed)
        {
            var opened = now.AddMinutes(-random.Next(15 * 24 * 60, 90 * 24 * 60));
            rows.Add([contact.OrganisationId, contact.Id, Pick(SeedTexts.HandoffReasons), opened, opened.AddMinutes(random.Next(10, 3 * 24 * 60)), Pick(Team[contact.OrganisationId]).Id]);
        }

        var ids = await Seed.InsertReturningIdsAsync(database, "handoffs", ["organisation_id", "contact_id", "reason", "opened_at", "closed_at", "assigned_to"], rows, cancellationToken);
        return ids[0];
    }

    /// <summary>Questions not understood (two in three of sem), a few ways of writing each, and the weekly counts of all questions for the dashboard.</summary>
    private async Task QuestionsAsync()
    {
        string[] endings = ["", " ?", " svp", "!!"];
        var rows = Enumerable.Range(0, volumes.Questions).Select(i =>
        {
            var language = Pick(SeedTexts.LanguageMix);
            var text = Pick(SeedTexts.Unanswered[language]);
            var written = random.Next(3) == 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;
            return new object?[] { i % 3 == 2 ? "cssbse" : "sem", language, written + Pick(endings), now.AddMinutes(-random.Next(1, 60 * 24 * 60)) };
        }).OrderBy(r => (DateTimeOffset)r[3]!).ToList();
        await Seed.InsertAsync(database, "unanswered_questions", ["organisation_id", "language", "text", "asked_at"], rows, cancellationToken);

        var counts = new List<object?[]>();
        foreach (var organisation in Organisations.Distinct())
        {
            for (var week = 0; week < 12; week++)
            {
                foreach (var language in SeedTexts.LanguageMix.Distinct())
                {
                    foreach (var topic in SeedTexts.Topics)
                    {
                        counts.Add([organisation, QuestionCounts.Week(now.AddDays(-7 * week)), language, topic, true, random.Next(5, 60)]);
                        counts.Add([organisation, QuestionCounts.Week(now.AddDays(-7 * week)), language, topic, false, random.Next(0, 15)]);
                    }
                }
            }
        }

        await Seed.InsertAsync(database, "question_counts", ["organisation_id", "week", "language", "topic", "answered", "count"], counts, cancellationToken);
    }

    /// <summary>The audit log of half a year of work (three in five rows sem), oldest first as it is written.</summary>
    private async Task AuditAsync()
    {
        (string Action, string Detail)[] kinds =
        [
            ("appointment.create", "appointment {0} at 2026-12-04 10:00"), ("appointment.move", "appointment {0} to 2026-12-07 14:30"),
            ("appointment.cancel", "appointment {0}"), ("appointment.outcome", "appointment {0}: attended"), ("inbox.reply", "conversation {0}"),
            ("inbox.assign", "conversation {0}"), ("inbox.close", "conversation {0}"), ("account.sign-in", "signed in"),
            ("broadcast.send", "broadcast {0} to news, 2400 recipient(s)"), ("content.faq", "FAQ sem-faq-bring: version {0}"),
        ];
        var rows = Enumerable.Range(0, volumes.AuditRows).Select(i =>
        {
            var organisation = Organisations[i % Organisations.Length];
            var (action, detail) = Pick(kinds);
            var actor = Pick(Team[organisation]).Name.Replace("Colleague ", "staff", StringComparison.Ordinal) + "@" + organisation + ".example";
            return new object?[] { organisation, actor, action, string.Format(CultureInfo.InvariantCulture, detail, random.Next(1, 5000)), now.AddMinutes(-random.Next(10, 180 * 24 * 60)) };
        }).OrderBy(r => (DateTimeOffset)r[4]!).ToList();
        await Seed.InsertAsync(database, "audit_log", ["organisation_id", "actor", "action", "detail", "at"], rows, cancellationToken);
    }
}
