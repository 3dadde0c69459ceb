using System.Globalization;
using Dapper;

namespace Reach.Content.Storage;

/// <summary>How many questions per ISO week, language and topic, answered by Reach or not. Counts only.</summary>
public sealed class QuestionCounts(ReachDatabase database)
{
    public async Task RecordAsync(string organisationId, string language, string topic, bool answered, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var week = Week(at);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO question_counts (organisation_id, week, language, topic, answered, count) VALUES (@organisationId, @week, @language, @topic, @answered, 1)
            ON CONFLICT (organisation_id, week, language, topic, answered) DO UPDATE SET count = question_counts.count + 1
            """,
            new { organisationId, week, language, topic, answered });
    }

    public async Task<IReadOnlyList<QuestionCount>> ListAsync(string organisationId, string fromWeek, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<QuestionCount>(
            """
            SELECT week AS Week, language AS Language, topic AS Topic, answered AS Answered, count AS Count
            FROM question_counts WHERE organisation_id = @organisationId AND week >= @fromWeek ORDER BY week
            """,
            new { organisationId, fromWeek });
        return rows.ToList();
    }

    /// <summary>The ISO week of a UTC instant, like 2026-W49 (sorts as text).</summary>
    public static string Week(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(at.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(at.UtcDateTime):D2}");
}

public sealed class QuestionCount
{
    public string Week { get; set; } = string.Empty;

    public string Language { get; set; } = string.Empty;

    public string Topic { get; set; } = string.Empty;

    public bool Answered { get; set; }

    public long Count { get; set; }
}
