using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using Reach.Content.Model;
using Reach.Content.Packs;

namespace Reach.Content.Storage;

/// <summary>
/// The content store on SQLite or PostgreSQL. A version is the canonical pack document of one
/// organisation (<see cref="PackWriter.WriteDocument"/>), so what is stored is exactly what export writes.
/// </summary>
public sealed class ContentStore(ReachDatabase database, TimeProvider timeProvider) : IContentStore
{
    private readonly ConcurrentDictionary<(string, int), OrganisationContent> parsed = new();

    public async Task<PublishResult> PublishAsync(OrganisationContent content, string author, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return await WriteAsync(content.Organisation.Id, PackWriter.WriteDocument(content), author, note, null, cancellationToken);
    }

    public async Task<PublishResult> RestoreAsync(string organisationId, int version, string author, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var document = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT document FROM content_versions WHERE organisation_id = @organisationId AND version = @version",
            new { organisationId, version })
            ?? throw new KeyNotFoundException($"{organisationId} has no version {version}.");
        return await WriteAsync(organisationId, document, author, $"restored version {version}", version, cancellationToken);
    }

    public async Task<PublishedContent?> GetPublishedAsync(string organisationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var version = await connection.QuerySingleOrDefaultAsync<int?>(
            "SELECT current_version FROM organisations WHERE id = @organisationId AND current_version > 0", new { organisationId });
        if (version is null)
        {
            return null;
        }

        var content = await LoadAsync(connection, organisationId, version.Value);
        return content is null ? null : new PublishedContent(version.Value, content);
    }

    public async Task<OrganisationContent?> GetVersionAsync(string organisationId, int version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LoadAsync(connection, organisationId, version);
    }

    public async Task<IReadOnlyList<ContentVersionInfo>> ListVersionsAsync(string organisationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VersionRow>(
            """
            SELECT v.organisation_id AS OrganisationId, v.version AS Version, v.author AS Author, v.created_at AS CreatedAt,
                   v.note AS Note, v.restored_from AS RestoredFrom, (o.current_version = v.version) AS IsCurrent
            FROM content_versions v JOIN organisations o ON o.id = v.organisation_id
            WHERE v.organisation_id = @organisationId
            ORDER BY v.version
            """,
            new { organisationId });
        return rows.Select(r => new ContentVersionInfo(r.OrganisationId, (int)r.Version, r.Author, r.CreatedAt, r.Note, (int?)r.RestoredFrom, r.IsCurrent)).ToList();
    }

    public async Task<IReadOnlyList<string>> ListOrganisationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>("SELECT id FROM organisations WHERE current_version > 0 ORDER BY id");
        return rows.ToList();
    }

    private async Task<PublishResult> WriteAsync(string organisationId, string document, string author, string? note, int? restoredFrom, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await ReachDatabase.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO organisations (id, current_version, updated_at) VALUES (@organisationId, 0, @now) ON CONFLICT (id) DO NOTHING",
            new { organisationId, now }, transaction);
        var lockClause = database.Dialect == StoreDialect.Postgres ? " FOR UPDATE" : string.Empty;
        var current = await connection.QuerySingleAsync<int>(
            "SELECT current_version FROM organisations WHERE id = @organisationId" + lockClause, new { organisationId }, transaction);
        var currentDocument = current == 0 ? null : await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT document FROM content_versions WHERE organisation_id = @organisationId AND version = @current",
            new { organisationId, current }, transaction);
        if (currentDocument == document)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new PublishResult(organisationId, current, Changed: false);
        }

        var version = await connection.QuerySingleAsync<int>(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM content_versions WHERE organisation_id = @organisationId",
            new { organisationId }, transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO content_versions (organisation_id, version, author, created_at, note, restored_from, document)
            VALUES (@organisationId, @version, @author, @now, @note, @restoredFrom, @document)
            """,
            new { organisationId, version, author, now, note, restoredFrom, document }, transaction);
        await connection.ExecuteAsync(
            "UPDATE organisations SET current_version = @version, updated_at = @now WHERE id = @organisationId",
            new { organisationId, version, now }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO audit_log (organisation_id, actor, action, detail, at) VALUES (@organisationId, @author, @action, @detail, @now)",
            new
            {
                organisationId,
                author,
                action = restoredFrom is null ? "content.publish" : "content.restore",
                detail = $"version {version}" + (note is null ? string.Empty : $": {note}"),
                now,
            },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return new PublishResult(organisationId, version, Changed: true);
    }

    private async Task<OrganisationContent?> LoadAsync(DbConnection connection, string organisationId, int version)
    {
        if (parsed.TryGetValue((organisationId, version), out var cached))
        {
            return cached;
        }

        var document = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT document FROM content_versions WHERE organisation_id = @organisationId AND version = @version",
            new { organisationId, version });
        if (document is null)
        {
            return null;
        }

        var result = PackReader.ReadDocument(document, $"{organisationId}@{version}");
        var content = result.Pack?.Organisations.SingleOrDefault()
            ?? throw new InvalidDataException($"Stored version {version} of {organisationId} cannot be read: {string.Join("; ", result.Errors)}");
        return parsed.GetOrAdd((organisationId, version), content);
    }

    private sealed class VersionRow
    {
        public string OrganisationId { get; set; } = string.Empty;

        public long Version { get; set; }

        public string Author { get; set; } = string.Empty;

        public DateTimeOffset CreatedAt { get; set; }

        public string? Note { get; set; }

        public long? RestoredFrom { get; set; }

        public bool IsCurrent { get; set; }
    }
}
