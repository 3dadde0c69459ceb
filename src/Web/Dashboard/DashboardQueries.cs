using Dapper;
using Reach.Content.Storage;

namespace Reach.Web.Dashboard;

/// <summary>The numbers of the dashboard, per ISO week: questions (per language and topic, answered by Reach alone),
/// reminders sent, confirmations, no-shows, opt-outs. Counts only, nothing that identifies anyone.</summary>
public sealed class DashboardQueries(ReachDatabase database, QuestionCounts questions, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<WeekNumbers>> WeeksAsync(string organisationId, int weeks, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var from = now.AddDays(-7 * (weeks - 1) - (((int)now.DayOfWeek + 6) % 7)).Date;
        var fromAt = new DateTimeOffset(from, TimeSpan.Zero);
        var counts = await questions.ListAsync(organisationId, QuestionCounts.Week(fromAt), cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        // Served by the partial index ix_outbox_reminders_sent (migration 0013): keep this WHERE as its WHERE.
        var reminders = await connection.QueryAsync<long>(
            "SELECT sent_ms FROM outbox WHERE organisation_id = @organisationId AND kind = 'reminder' AND state IN ('sent', 'delivered') AND sent_ms >= @fromMs",
            new { organisationId, fromMs = fromAt.ToUnixTimeMilliseconds() });
        // A confirmation always comes before the appointment starts, so starts_at bounds the rows read by its index
        // (the organisation's whole history otherwise).
        var confirmed = await connection.QueryAsync<DateTimeOffset>(
            "SELECT replied_at FROM appointments WHERE organisation_id = @organisationId AND status = 'confirmed' AND replied_at >= @fromAt AND starts_at >= @fromAt",
            new { organisationId, fromAt });
        var noShows = await connection.QueryAsync<DateTimeOffset>(
            "SELECT starts_at FROM appointments WHERE organisation_id = @organisationId AND outcome = 'no-show' AND starts_at >= @fromAt",
            new { organisationId, fromAt });
        var optOuts = await connection.QueryAsync<DateTimeOffset>(
            "SELECT updated_at FROM contacts WHERE organisation_id = @organisationId AND opted_out AND updated_at >= @fromAt",
            new { organisationId, fromAt });
        var byWeek = new SortedDictionary<string, WeekNumbers>(StringComparer.Ordinal);
        for (var i = 0; i < weeks; i++)
        {
            var week = QuestionCounts.Week(fromAt.AddDays(7 * i));
            byWeek[week] = new WeekNumbers(week);
        }

        WeekNumbers At(DateTimeOffset at) => byWeek.TryGetValue(QuestionCounts.Week(at), out var w) ? w : new WeekNumbers("?");
        foreach (var c in counts.Where(c => byWeek.ContainsKey(c.Week)))
        {
            var week = byWeek[c.Week];
            week.Questions += (int)c.Count;
            week.Answered += c.Answered ? (int)c.Count : 0;
            week.PerLanguage[c.Language] = week.PerLanguage.GetValueOrDefault(c.Language) + (int)c.Count;
            week.PerTopic[c.Topic] = week.PerTopic.GetValueOrDefault(c.Topic) + (int)c.Count;
        }

        foreach (var ms in reminders)
        {
            At(DateTimeOffset.FromUnixTimeMilliseconds(ms)).RemindersSent++;
        }

        foreach (var at in confirmed)
        {
            At(at).Confirmations++;
        }

        foreach (var at in noShows)
        {
            At(at).NoShows++;
        }

        foreach (var at in optOuts)
        {
            At(at).OptOuts++;
        }

        return byWeek.Values.Reverse().ToList();
    }
}

public sealed class WeekNumbers(string week)
{
    public string Week { get; } = week;

    public int Questions { get; set; }

    public int Answered { get; set; }

    public double AnsweredShare => Questions == 0 ? 0 : (double)Answered / Questions;

    public Dictionary<string, int> PerLanguage { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> PerTopic { get; } = new(StringComparer.Ordinal);

    public int RemindersSent { get; set; }

    public int Confirmations { get; set; }

    public int NoShows { get; set; }

    public int OptOuts { get; set; }
}
