using System.Security.Cryptography;
using System.Text;
using Dapper;
using Reach.Content.Storage;

namespace Reach.Web.Translations;

/// <summary>What the web app knows of each translation: machine draft, reviewed, outdated (see <see cref="TranslationStatus"/>).</summary>
public sealed class TranslationStore(ReachDatabase database, TimeProvider timeProvider)
{
    public async Task<IReadOnlyDictionary<(string Key, string Language), TranslationRow>> ForItemAsync(string organisationId, string itemPrefix, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TranslationRow>(
            """
            SELECT item_key AS ItemKey, language AS Language, status AS Status, source_hash AS SourceHash, draft AS Draft
            FROM translations WHERE organisation_id = @organisationId AND item_key LIKE @prefix
            """,
            new { organisationId, prefix = itemPrefix + "%" });
        return rows.ToDictionary(r => (r.ItemKey, r.Language));
    }

    public async Task SetAsync(string organisationId, string itemKey, string language, string status, string sourceText, string? draft, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO translations (organisation_id, item_key, language, status, source_hash, draft, updated_by, updated_at)
            VALUES (@organisationId, @itemKey, @language, @status, @hash, @draft, @actor, @now)
            ON CONFLICT (organisation_id, item_key, language) DO UPDATE SET status = @status, source_hash = @hash, draft = @draft, updated_by = @actor, updated_at = @now
            """,
            new { organisationId, itemKey, language, status, hash = Hash(sourceText), draft, actor, now = timeProvider.GetUtcNow() });
    }

    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? string.Empty)))[..16];
}

public sealed class TranslationRow
{
    public string ItemKey { get; set; } = string.Empty;

    public string Language { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string SourceHash { get; set; } = string.Empty;

    public string? Draft { get; set; }
}

/// <summary>The status of one translation, as coordinators see it next to the field.</summary>
public static class TranslationStatus
{
    public const string Missing = "missing";
    public const string MachineDraft = "machine draft";
    public const string Reviewed = "reviewed";
    public const string Outdated = "outdated";

    /// <summary>
    /// No published text: a machine draft when one waits for review, else missing. A published text: outdated when
    /// marked so or when the source changed since it was reviewed, else reviewed (texts from content packs count as reviewed).
    /// </summary>
    public static string Of(string source, string? published, TranslationRow? row) =>
        published is null
            ? row is { Status: "machine", Draft: not null } ? MachineDraft : Missing
            : row is null ? Reviewed
            : row.Status == "outdated" || row.SourceHash != TranslationStore.Hash(source) ? Outdated
            : row.Status == "machine" ? MachineDraft
            : Reviewed;
}
