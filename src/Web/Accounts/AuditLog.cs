using Dapper;
using Reach.Content.Storage;

namespace Reach.Web.Accounts;

/// <summary>Who changed what and when (appointments, broadcasts, accounts, content): written by every change, read by admins.</summary>
public sealed class AuditLog(ReachDatabase database, TimeProvider timeProvider)
{
    public async Task WriteAsync(string? organisationId, string actor, string action, string detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO audit_log (organisation_id, actor, action, detail, at) VALUES (@organisationId, @actor, @action, @detail, @now)",
            new { organisationId, actor, action, detail, now = timeProvider.GetUtcNow() });
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string organisationId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditEntry>(
            "SELECT actor AS Actor, action AS Action, detail AS Detail, at AS At FROM audit_log WHERE organisation_id = @organisationId ORDER BY id DESC LIMIT @limit",
            new { organisationId, limit });
        return rows.ToList();
    }

    /// <summary>
    /// One page of the organisation's log, newest first: at most <paramref name="limit"/> entries older than entry
    /// <paramref name="before"/> (the newest when null). Keyset paging on the index (organisation_id, id): every page
    /// costs the same however long the log.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> PageAsync(string organisationId, long? before, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditEntry>(
            $"""
            SELECT id AS Id, actor AS Actor, action AS Action, detail AS Detail, at AS At FROM audit_log
            WHERE organisation_id = @organisationId{(before is null ? string.Empty : " AND id < @before")}
            ORDER BY id DESC LIMIT @limit
            """,
            new { organisationId, before, limit });
        return rows.ToList();
    }
}

public sealed class AuditEntry
{
    public long Id { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string Detail { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}
