using System.Globalization;
using System.Text.Json;
using NodaTime;
using Reach.Benchmarks.Load;
using Reach.Notifications.Reminders;

namespace Reach.Benchmarks.Pages;

/// <summary>
/// The seeded work around the people of <see cref="PageSeed"/>: appointments (the coming weeks and the two months
/// before) with their reminders in the outbox, as <c>AppointmentService</c> keys and plans them; sign-ups for the demo
/// sessions; news subscriptions; and broadcasts with one outbox message per recipient.
/// </summary>
internal sealed class ActivitySeed(PageSeed seed)
{
    private static readonly string[] OutboxColumns =
    [
        "message_key", "organisation_id", "contact_id", "kind", "subject", "step", "language", "text", "event_ms", "due_ms", "state",
        "channel", "attempts", "provider_id", "reason", "sent_ms", "created_at", "updated_at",
    ];

    private readonly IReadOnlyList<ReminderStep> steps = new ReminderOptions().StepsFor("sem", "appointment");

    /// <summary>
    /// <paramref name="upcoming"/> appointments on the next 20 working days and as many on the 40 before, 60 % sem, each with
    /// the default plan's reminders (sent and delivered when due already, else planned);
    /// returns an upcoming sem appointment of the busiest day (the next working day) and that day.
    /// </summary>
    public async Task<(long Appointment, LocalDate Day)> AppointmentsAsync(int upcoming)
    {
        var random = seed.Random;
        var now = Instant.FromDateTimeOffset(seed.Now);
        var today = now.InZone(seed.Zone).Date;
        var next = NextWorkingDay(today.PlusDays(1));
        var days = WorkingDays(today, 20).Concat(WorkingDays(today.PlusDays(-62), 40).Where(d => d < today)).ToList();
        var phones = seed.Contacts.Where(c => c.Channel == "sms" && !c.OptedOut).GroupBy(c => c.OrganisationId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var appointments = new List<(object?[] Row, string Organisation, long Contact, string Language, Instant Start, string Status)>();
        var perDay = Math.Max(1, upcoming / 20);
        foreach (var day in days)
        {
            // The two months before at half the pace: what the dashboard's rates and no-shows count.
            for (var n = 0; n < (day < today ? perDay / 2 : perDay); n++)
            {
                var organisation = n % 5 < 3 ? "sem" : "cssbse";
                var contact = seed.Pick(phones[organisation]);
                var content = seed.Content[organisation];
                var start = seed.Zone.AtLeniently(day.At(new LocalTime(9, 0).PlusMinutes(30 * random.Next(16)))).ToInstant();
                var past = start < now;
                var status = random.Next(100) switch
                {
                    < 8 => "cancelled",
                    < 55 when past || start - now < Duration.FromDays(1) => "confirmed",
                    _ => "booked",
                };
                var outcome = past && status != "cancelled" && random.Next(10) > 0 ? (random.Next(5) == 0 ? "no-show" : "attended") : null;
                var created = start.Minus(Duration.FromDays(random.Next(3, 30))).ToDateTimeOffset();
                var replied = status == "booked" || (status == "cancelled" && !past) ? (DateTimeOffset?)null : Min(start.Minus(Duration.FromHours(random.Next(3, 20))).ToDateTimeOffset(), seed.Now.AddMinutes(-1));
                appointments.Add(([
                    organisation, contact.Id, contact.FirstName, contact.Language, seed.Pick(content.Services).Id, seed.Pick(content.Sites).Id,
                    seed.Pick(seed.Team[organisation]).Name, random.Next(5) == 0 ? "Apporter la composition de ménage et la carte d'identité." : null,
                    start.ToDateTimeOffset(), status, outcome, status == "cancelled" ? (random.Next(2) == 0 ? "person" : "staff") : null, replied, created, replied ?? created,
                ], organisation, contact.Id, contact.Language, start, status));
            }
        }

        var ids = await Seed.InsertReturningIdsAsync(
            seed.Database, "appointments",
            ["organisation_id", "contact_id", "first_name", "language", "service_id", "site_id", "staff", "notes", "starts_at", "status", "outcome", "cancelled_by", "replied_at", "created_at", "updated_at"],
            appointments.Select(a => a.Row).ToList(), seed.Cancellation);

        var reminders = new List<object?[]>();
        for (var i = 0; i < appointments.Count; i++)
        {
            var (_, organisation, contact, language, start, status) = appointments[i];
            foreach (var planned in ReminderPlanner.Plan(start, seed.Zone, steps, QuietHours.Default, Instant.MinValue).Where(p => p.Skipped is null))
            {
                var state = planned.Due > now ? (status == "cancelled" ? "cancelled" : "planned") : random.Next(100) switch
                {
                    < 85 => "delivered",
                    < 95 => "sent",
                    < 98 => "failed",
                    _ => "dropped",
                };
                var sent = state is "delivered" or "sent" or "failed";
                var reason = state switch
                {
                    "failed" => "30003: unreachable destination handset",
                    "dropped" => "too late: Reach was not running when it was due",
                    "cancelled" => "the appointment was cancelled",
                    _ => null,
                };
                reminders.Add([
                    $"appointment:{ids[i]}:r1:c{contact}:{planned.Step.Name}", organisation, contact, "reminder", $"appointment:{ids[i]}", planned.Step.Name, language,
                    sent ? SeedTexts.Replies[language][2] : null, start.ToUnixTimeMilliseconds(), planned.Due.ToUnixTimeMilliseconds(), state,
                    sent ? "sms" : null, sent ? 1 : 0, sent ? "SM" + ids[i].ToString("x30", CultureInfo.InvariantCulture) + planned.Step.Name.Length : null, reason,
                    sent ? planned.Due.ToUnixTimeMilliseconds() + random.Next(200, 3000) : null, seed.Now, seed.Now,
                ]);
            }
        }

        await Seed.InsertAsync(seed.Database, "outbox", OutboxColumns, reminders, seed.Cancellation);
        var chosen = Enumerable.Range(0, appointments.Count)
            .First(i => appointments[i].Organisation == "sem" && appointments[i].Status == "booked" && appointments[i].Start.InZone(seed.Zone).Date == next);
        return (ids[chosen], next);
    }

    /// <summary>Every demo session that takes sign-ups filled to its capacity (20 without one), and three more on its waiting list.</summary>
    public async Task SignupsAsync()
    {
        var rows = new List<object?[]>();
        foreach (var (organisation, content) in seed.Content)
        {
            var people = seed.Contacts.Where(c => c.OrganisationId == organisation && c.Channel != "web").ToList();
            foreach (var activity in content.Activities.Where(a => a.Signup is not null))
            {
                foreach (var session in activity.Sessions)
                {
                    var capacity = session.Capacity ?? activity.Signup!.Capacity ?? 20;
                    var chosen = people.OrderBy(_ => seed.Random.Next()).Take(capacity + 3).ToList();
                    rows.AddRange(chosen.Select((c, i) => new object?[] { organisation, activity.Id, session.Id, c.Id, i < capacity ? "confirmed" : "waiting", seed.Now.AddDays(-i), seed.Now.AddDays(-i) }));
                }
            }
        }

        await Seed.InsertAsync(seed.Database, "signups", ["organisation_id", "activity_id", "session_id", "contact_id", "status", "created_at", "updated_at"], rows, seed.Cancellation);
    }

    /// <summary>
    /// Two in five people (not web chat) asked for the news; five broadcasts of sem and two of cssbse went to them over
    /// the last months, one message per recipient. Returns sem's latest, three days ago.
    /// </summary>
    public async Task<long> BroadcastsAsync()
    {
        var subscribed = seed.Contacts.Where(c => c.Channel != "web" && seed.Random.Next(5) < 2).ToList();
        await Seed.InsertAsync(seed.Database, "subscriptions", ["contact_id", "topic", "created_at"], subscribed.Select(c => new object?[] { c.Id, "news", seed.Now.AddDays(-100) }).ToList(), seed.Cancellation);
        var sends = new[] { ("sem", 3), ("sem", 17), ("sem", 31), ("sem", 45), ("sem", 59), ("cssbse", 10), ("cssbse", 40) };
        var texts = JsonSerializer.Serialize(SeedTexts.Broadcast);
        var rows = sends.Select(s =>
        {
            var at = seed.Now.AddDays(-s.Item2);
            return new object?[] { s.Item1, "staff2@" + s.Item1 + ".example", "news", "fr", texts, at.ToUnixTimeMilliseconds(), "scheduled", subscribed.Count(c => c.OrganisationId == s.Item1 && !c.OptedOut), at, at };
        }).ToList();
        var ids = await Seed.InsertReturningIdsAsync(seed.Database, "broadcasts", ["organisation_id", "author", "audience", "source_language", "texts", "send_ms", "state", "recipients", "created_at", "updated_at"], rows, seed.Cancellation);

        var messages = new List<object?[]>();
        for (var b = 0; b < sends.Length; b++)
        {
            var subject = $"broadcast:{ids[b]}";
            var sendMs = (long)rows[b][5]!;
            foreach (var contact in subscribed.Where(c => c.OrganisationId == sends[b].Item1 && !c.OptedOut))
            {
                var state = seed.Random.Next(100) switch { < 88 => "delivered", < 95 => "sent", < 99 => "failed", _ => "suppressed" };
                messages.Add([
                    $"{subject}:c{contact.Id}", contact.OrganisationId, contact.Id, "broadcast", subject, "send", contact.Language, SeedTexts.Broadcast[contact.Language],
                    null, sendMs, state, contact.Channel, 1, state == "suppressed" ? null : $"SM{ids[b]:x8}{contact.Id:x22}",
                    state switch { "failed" => "30003: unreachable destination handset", "suppressed" => "the person opted out", _ => null },
                    state == "suppressed" ? null : sendMs + seed.Random.Next(100, 200_000), seed.Now.AddDays(-sends[b].Item2), seed.Now.AddDays(-sends[b].Item2),
                ]);
            }
        }

        await Seed.InsertAsync(seed.Database, "outbox", OutboxColumns, messages, seed.Cancellation);
        return ids[0];
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static LocalDate NextWorkingDay(LocalDate day) => day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? NextWorkingDay(day.PlusDays(1)) : day;

    private static IEnumerable<LocalDate> WorkingDays(LocalDate from, int count)
    {
        for (var day = NextWorkingDay(from); count > 0; day = NextWorkingDay(day.PlusDays(1)), count--)
        {
            yield return day;
        }
    }
}
