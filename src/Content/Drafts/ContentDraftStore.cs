using Dapper;
using Reach.Content.Packs;
using Reach.Content.Storage;

namespace Reach.Content.Drafts;

/// <summary>
/// One draft per organisation, shared by its coordinators, stored as the canonical pack document (the same form as a
/// published version). Saving replaces it; publishing (<see cref="DraftMerge"/>) or discarding removes it.
/// </summary>
public sealed class ContentDraftStore(ReachDatabase database, TimeProvider timeProvider)
{
    public async Task<ContentDraft?> GetAsync(string organisationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            "SELECT base_version AS BaseVersion, document AS Document, updated_by AS UpdatedBy, updated_at AS UpdatedAt FROM content_drafts WHERE organisation_id = @organisationId",
            new { organisationId });
        if (row is null)
        {
            return null;
        }

        var read = PackReader.ReadDocument(row.Document, $"draft of {organisationId}");
        var content = read.Pack?.Organisations is [var first, ..] ? first : throw new InvalidOperationException($"The draft of {organisationId} cannot be read: {string.Join("; ", read.Errors)}");
        return new ContentDraft((int)row.BaseVersion, content, row.UpdatedBy, row.UpdatedAt);
    }

    public async Task SaveAsync(ContentDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO content_drafts (organisation_id, base_version, document, updated_by, updated_at)
            VALUES (@organisationId, @baseVersion, @document, @actor, @now)
            ON CONFLICT (organisation_id) DO UPDATE SET base_version = @baseVersion, document = @document, updated_by = @actor, updated_at = @now
            """,
            new
            {
                organisationId = draft.Content.Organisation.Id,
                baseVersion = draft.BaseVersion,
                document = PackWriter.WriteDocument(draft.Content),
                actor = draft.UpdatedBy,
                now = timeProvider.GetUtcNow(),
            });
    }

    public async Task<bool> DeleteAsync(string organisationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM content_drafts WHERE organisation_id = @organisationId", new { organisationId }) > 0;
    }

    private sealed class Row
    {
        public long BaseVersion { get; set; }

        public string Document { get; set; } = string.Empty;

        public string UpdatedBy { get; set; } = string.Empty;

        public DateTimeOffset UpdatedAt { get; set; }
    }
}
