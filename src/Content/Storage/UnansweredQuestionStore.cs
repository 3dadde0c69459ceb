using System.Text.RegularExpressions;
using Dapper;

namespace Reach.Content.Storage;

/// <summary>The unanswered questions in the Reach database.</summary>
public sealed partial class UnansweredQuestionStore(ReachDatabase database, TimeProvider timeProvider) : IUnansweredQuestions
{
    private const int MaxLength = 500;

    public async Task RecordAsync(string organisationId, string language, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = Mask(text.Length > MaxLength ? text[..MaxLength] : text);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO unanswered_questions (organisation_id, language, text, asked_at) VALUES (@organisationId, @language, @masked, @now)",
            new { organisationId, language, masked, now = timeProvider.GetUtcNow() });
    }

    public async Task<IReadOnlyList<UnansweredQuestion>> ListAsync(string organisationId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            """
            SELECT organisation_id AS OrganisationId, language AS Language, text AS Text, asked_at AS AskedAt
            FROM unanswered_questions WHERE organisation_id = @organisationId
            ORDER BY asked_at DESC, id DESC LIMIT @limit
            """,
            new { organisationId, limit });
        return rows.Select(r => new UnansweredQuestion(r.OrganisationId, r.Language, r.Text, r.AskedAt)).ToList();
    }

    public async Task<int> ResolveAsync(string organisationId, IReadOnlyCollection<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        await using var connection = await database.OpenAsync(cancellationToken);
        var removed = 0;
        foreach (var text in texts)
        {
            removed += await connection.ExecuteAsync("DELETE FROM unanswered_questions WHERE organisation_id = @organisationId AND text = @text", new { organisationId, text });
        }

        return removed;
    }

    /// <summary>Replaces runs of six or more digits (with spaces, dots, slashes or dashes between) by "•••".</summary>
    public static string Mask(string text) => DigitRun().Replace(text, "•••");

    [GeneratedRegex(@"\+?\d(?:[\s./-]?\d){5,}")]
    private static partial Regex DigitRun();

    private sealed class Row
    {
        public string OrganisationId { get; set; } = string.Empty;

        public string Language { get; set; } = string.Empty;

        public string Text { get; set; } = string.Empty;

        public DateTimeOffset AskedAt { get; set; }
    }
}
