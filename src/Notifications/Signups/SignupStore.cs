using System.Data.Common;
using Dapper;
using Reach.Content.Storage;

namespace Reach.Notifications.Signups;

/// <summary>
/// Sign-ups with a capacity that is never exceeded, also when many people take the last places at the
/// same moment: each change of a session runs in one write transaction that holds the session's lock
/// (SQLite's write lock, or a PostgreSQL advisory lock on the session).
/// </summary>
public sealed class SignupStore(ReachDatabase database, TimeProvider timeProvider)
{
    /// <summary>Signs a contact up: confirmed while places remain (<paramref name="capacity"/> null: no limit), else waiting.</summary>
    public Task<SignupResult> SignUpAsync(string organisationId, string activityId, string sessionId, long contactId, int? capacity, CancellationToken cancellationToken) =>
        SignUpAsync(organisationId, activityId, sessionId, contactId, capacity, null, cancellationToken);

    /// <summary>
    /// Signs a contact up as <see cref="SignUpAsync(string, string, string, long, int?, CancellationToken)"/>, and records in the
    /// same transaction the consent staff noted when signing the person up on their behalf (also when they already were).
    /// </summary>
    public async Task<SignupResult> SignUpAsync(string organisationId, string activityId, string sessionId, long contactId, int? capacity, SignupConsent? consent, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await LockAsync(connection, organisationId, sessionId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (consent is not null)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO signup_consents (organisation_id, activity_id, session_id, contact_id, recorded_by, recorded_at, statement)
                VALUES (@organisationId, @activityId, @sessionId, @contactId, @RecordedBy, @now, @Statement)
                """,
                new { organisationId, activityId, sessionId, contactId, consent.RecordedBy, consent.Statement, now }, transaction);
        }

        var existing = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT status FROM signups WHERE organisation_id = @organisationId AND session_id = @sessionId AND contact_id = @contactId",
            new { organisationId, sessionId, contactId }, transaction);
        if (existing is "confirmed" or "waiting")
        {
            var position = existing == "waiting" ? await PositionAsync(connection, transaction, organisationId, sessionId, contactId) : 0;
            if (consent is null)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return new SignupResult(existing == "confirmed" ? SignupStatus.Confirmed : SignupStatus.Waiting, position, AlreadySignedUp: true);
        }

        var confirmed = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM signups WHERE organisation_id = @organisationId AND session_id = @sessionId AND status = 'confirmed'",
            new { organisationId, sessionId }, transaction);
        var status = capacity is null || confirmed < capacity ? "confirmed" : "waiting";
        await connection.ExecuteAsync(
            existing is null
                ? "INSERT INTO signups (organisation_id, activity_id, session_id, contact_id, status, created_at, updated_at) VALUES (@organisationId, @activityId, @sessionId, @contactId, @status, @now, @now)"
                : "UPDATE signups SET status = @status, revision = revision + 1, created_at = @now, updated_at = @now WHERE organisation_id = @organisationId AND session_id = @sessionId AND contact_id = @contactId",
            new { organisationId, activityId, sessionId, contactId, status, now }, transaction);
        var waiting = status == "waiting" ? await PositionAsync(connection, transaction, organisationId, sessionId, contactId) : 0;
        await transaction.CommitAsync(cancellationToken);
        return new SignupResult(status == "confirmed" ? SignupStatus.Confirmed : SignupStatus.Waiting, waiting, AlreadySignedUp: false);
    }

    /// <summary>Cancels a sign-up; when a confirmed place frees up, the first on the waiting list gets it. Returns that person, if any.</summary>
    public async Task<(bool Cancelled, long? Promoted)> CancelAsync(string organisationId, string sessionId, long contactId, int? capacity, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await LockAsync(connection, organisationId, sessionId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var previous = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT status FROM signups WHERE organisation_id = @organisationId AND session_id = @sessionId AND contact_id = @contactId",
            new { organisationId, sessionId, contactId }, transaction);
        if (previous is not ("confirmed" or "waiting"))
        {
            await transaction.RollbackAsync(cancellationToken);
            return (false, null);
        }

        await connection.ExecuteAsync(
            "UPDATE signups SET status = 'cancelled', updated_at = @now WHERE organisation_id = @organisationId AND session_id = @sessionId AND contact_id = @contactId",
            new { organisationId, sessionId, contactId, now }, transaction);
        long? promoted = null;
        var confirmed = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM signups WHERE organisation_id = @organisationId AND session_id = @sessionId AND status = 'confirmed'",
            new { organisationId, sessionId }, transaction);
        if (previous == "confirmed" && (capacity is null || confirmed < capacity))
        {
            promoted = await connection.QuerySingleOrDefaultAsync<long?>(
                "SELECT contact_id FROM signups WHERE organisation_id = @organisationId AND session_id = @sessionId AND status = 'waiting' ORDER BY created_at, id LIMIT 1",
                new { organisationId, sessionId }, transaction);
            if (promoted is { } next)
            {
                await connection.ExecuteAsync(
                    "UPDATE signups SET status = 'confirmed', updated_at = @now WHERE organisation_id = @organisationId AND session_id = @sessionId AND contact_id = @next",
                    new { organisationId, sessionId, next, now }, transaction);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (true, promoted);
    }

    /// <summary>Places still free in a session, or null without a capacity.</summary>
    public async Task<int?> PlacesLeftAsync(string organisationId, string sessionId, int? capacity, CancellationToken cancellationToken)
    {
        if (capacity is null)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var confirmed = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM signups WHERE organisation_id = @organisationId AND session_id = @sessionId AND status = 'confirmed'",
            new { organisationId, sessionId });
        return Math.Max(0, capacity.Value - (int)confirmed);
    }

    /// <summary>A contact's sign-up for a session as it is now (cancelled included), or null when they never signed up.</summary>
    public async Task<SignupState?> FindAsync(string organisationId, string sessionId, long contactId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Status, long Revision)>(
            "SELECT status, revision FROM signups WHERE organisation_id = @organisationId AND session_id = @sessionId AND contact_id = @contactId",
            new { organisationId, sessionId, contactId }, transaction)).ToList();
        if (rows is not [var found])
        {
            return null;
        }

        var status = found.Status switch { "confirmed" => SignupStatus.Confirmed, "waiting" => SignupStatus.Waiting, _ => SignupStatus.Cancelled };
        var position = status == SignupStatus.Waiting ? await PositionAsync(connection, transaction, organisationId, sessionId, contactId) : 0;
        return new SignupState(status, (int)found.Revision, position);
    }

    /// <summary>A contact's current sign-ups and waiting-list places.</summary>
    public async Task<IReadOnlyList<Signup>> ForContactAsync(long contactId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long ContactId, string ActivityId, string SessionId, string Status)>(
            "SELECT contact_id, activity_id, session_id, status FROM signups WHERE contact_id = @contactId AND status <> 'cancelled' ORDER BY id",
            new { contactId });
        return rows.Select(r => new Signup(r.ContactId, r.ActivityId, r.SessionId, r.Status == "confirmed" ? SignupStatus.Confirmed : SignupStatus.Waiting)).ToList();
    }

    private async Task<DbTransaction> LockAsync(DbConnection connection, string organisationId, string sessionId, CancellationToken cancellationToken)
    {
        var transaction = await ReachDatabase.BeginWriteAsync(connection, cancellationToken);
        if (database.Dialect == StoreDialect.Postgres)
        {
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext(@key))", new { key = organisationId + "/" + sessionId }, transaction);
        }

        return transaction;
    }

    private static async Task<int> PositionAsync(DbConnection connection, DbTransaction transaction, string organisationId, string sessionId, long contactId) =>
        (int)await connection.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM signups w, signups me
            WHERE me.organisation_id = @organisationId AND me.session_id = @sessionId AND me.contact_id = @contactId
              AND w.organisation_id = @organisationId AND w.session_id = @sessionId AND w.status = 'waiting'
              AND (w.created_at < me.created_at OR (w.created_at = me.created_at AND w.id <= me.id))
            """,
            new { organisationId, sessionId, contactId }, transaction);
}
