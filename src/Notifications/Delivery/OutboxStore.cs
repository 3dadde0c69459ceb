using System.Data.Common;
using Dapper;
using Reach.Content.Storage;

namespace Reach.Notifications.Delivery;

/// <summary>
/// The outbox in the Reach database. Every change of state is one conditional UPDATE, so that two senders
/// (two Reach processes sharing PostgreSQL) can never both take the same message: whoever changes
/// <c>planned</c> to <c>sending</c> sends it, and nobody else.
/// </summary>
public sealed class OutboxStore(ReachDatabase database, TimeProvider timeProvider)
{
    private const string Columns = """
        id AS Id, message_key AS MessageKey, organisation_id AS OrganisationId, contact_id AS ContactId, kind AS Kind, subject AS Subject,
        step AS Step, language AS Language, text AS Text, event_ms AS EventMs, due_ms AS DueMs, state AS State, channel AS Channel,
        tried AS Tried, attempts AS Attempts, provider_id AS ProviderId, reason AS Reason, sent_ms AS SentMs, lease_ms AS LeaseMs, sending_ms AS SendingMs
        """;

    private const string Insert = """
        INSERT INTO outbox (message_key, organisation_id, contact_id, kind, subject, step, language, text, event_ms, due_ms, state, created_at, updated_at)
        VALUES (@Key, @OrganisationId, @ContactId, @Kind, @Subject, @Step, @Language, @Text, @EventMs, @DueMs, 'planned', @now, @now)
        ON CONFLICT (message_key) DO NOTHING
        """;

    /// <summary>Plans messages in one transaction; a key already planned is left as it is. Returns how many were new.</summary>
    public async Task<int> PlanAsync(IReadOnlyCollection<PlannedMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return 0;
        }

        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await ReachDatabase.BeginWriteAsync(connection, cancellationToken);
        var inserted = await PlanAsync(connection, transaction, database.Dialect, messages, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <summary>Plans within the caller's transaction (a broadcast and its messages commit together).</summary>
    internal static async Task<int> PlanAsync(DbConnection connection, DbTransaction transaction, StoreDialect dialect, IReadOnlyCollection<PlannedMessage> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (dialect == StoreDialect.Postgres)
        {
            return await PlanManyAsync(connection, transaction, messages, now);
        }

        var inserted = 0;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Insert;
        var names = new[] { "Key", "OrganisationId", "ContactId", "Kind", "Subject", "Step", "Language", "Text", "EventMs", "DueMs", "now" };
        var parameters = names.Select(n =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + n;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        foreach (var m in messages)
        {
            parameters[0].Value = m.Key;
            parameters[1].Value = m.OrganisationId;
            parameters[2].Value = m.ContactId;
            parameters[3].Value = m.Kind;
            parameters[4].Value = m.Subject;
            parameters[5].Value = m.Step;
            parameters[6].Value = m.Language;
            parameters[7].Value = (object?)m.Text ?? DBNull.Value;
            parameters[8].Value = (object?)m.EventMs ?? DBNull.Value;
            parameters[9].Value = m.DueMs;
            parameters[10].Value = now.ToUniversalTime();
            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return inserted;
    }

    /// <summary>PostgreSQL: thousands of rows per statement, from arrays (one round trip per 5,000 messages).</summary>
    private static async Task<int> PlanManyAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<PlannedMessage> messages, DateTimeOffset now)
    {
        var inserted = 0;
        foreach (var chunk in messages.Chunk(5000))
        {
            inserted += await connection.ExecuteAsync(
                """
                INSERT INTO outbox (message_key, organisation_id, contact_id, kind, subject, step, language, text, event_ms, due_ms, state, created_at, updated_at)
                SELECT k, o, c, ki, su, st, l, t, e, d, 'planned', @now, @now
                FROM unnest(@keys, @organisations, @contacts, @kinds, @subjects, @steps, @languages, @texts, @events, @dues) AS m(k, o, c, ki, su, st, l, t, e, d)
                ON CONFLICT (message_key) DO NOTHING
                """,
                new
                {
                    keys = chunk.Select(m => m.Key).ToArray(),
                    organisations = chunk.Select(m => m.OrganisationId).ToArray(),
                    contacts = chunk.Select(m => m.ContactId).ToArray(),
                    kinds = chunk.Select(m => m.Kind).ToArray(),
                    subjects = chunk.Select(m => m.Subject).ToArray(),
                    steps = chunk.Select(m => m.Step).ToArray(),
                    languages = chunk.Select(m => m.Language).ToArray(),
                    texts = chunk.Select(m => m.Text).ToArray(),
                    events = chunk.Select(m => m.EventMs).ToArray(),
                    dues = chunk.Select(m => m.DueMs).ToArray(),
                    now = now.ToUniversalTime(),
                },
                transaction);
        }

        return inserted;
    }

    /// <summary>Cancels what is still planned about a subject (for one contact, or everyone); returns how many.</summary>
    public async Task<int> CancelAsync(string subject, long? contactId, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE outbox SET state = 'cancelled', reason = @reason, updated_at = @now
            WHERE subject = @subject AND state = 'planned' AND (@contactId IS NULL OR contact_id = @contactId)
            """,
            new { subject, contactId, reason, now = timeProvider.GetUtcNow() });
    }

    /// <summary>After STOP: everything planned for the person is suppressed, not only what is planned later.</summary>
    public async Task<int> SuppressAsync(IReadOnlyCollection<long> contactIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = 0;
        foreach (var contactId in contactIds)
        {
            changed += await connection.ExecuteAsync(
                "UPDATE outbox SET state = 'suppressed', reason = 'the person opted out', updated_at = @now WHERE contact_id = @contactId AND state = 'planned'",
                new { contactId, now = timeProvider.GetUtcNow() });
        }

        return changed;
    }

    /// <summary>Planned messages whose time has come, oldest first.</summary>
    public async Task<IReadOnlyList<long>> DueAsync(long nowMs, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(
            "SELECT id FROM outbox WHERE state = 'planned' AND due_ms <= @nowMs ORDER BY due_ms, id LIMIT @limit", new { nowMs, limit });
        return ids.ToList();
    }

    /// <summary>Messages left "sending" past their lease: their sender stopped (or hung) in the middle.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> StaleAsync(long nowMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM outbox WHERE state = 'sending' AND lease_ms < @nowMs ORDER BY id LIMIT 500", new { nowMs });
        return rows.Select(r => r.ToMessage()).ToList();
    }

    /// <summary>Takes a due message for sending; false when someone else took it (or it was cancelled) first.</summary>
    public async Task<OutboxMessage?> ClaimAsync(long id, string claimedBy, long leaseUntilMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(
            "UPDATE outbox SET state = 'sending', claimed_by = @claimedBy, lease_ms = @leaseUntilMs, updated_at = @now WHERE id = @id AND state = 'planned'",
            new { id, claimedBy, leaseUntilMs, now = timeProvider.GetUtcNow() });
        return claimed == 1 ? await FindAsync(connection, id) : null;
    }

    /// <summary>Takes over a stale "sending" message (one taker only), extending its lease.</summary>
    public async Task<bool> TakeOverAsync(long id, long staleLeaseMs, string claimedBy, long leaseUntilMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE outbox SET claimed_by = @claimedBy, lease_ms = @leaseUntilMs, updated_at = @now WHERE id = @id AND state = 'sending' AND lease_ms = @staleLeaseMs",
            new { id, staleLeaseMs, claimedBy, leaseUntilMs, now = timeProvider.GetUtcNow() }) == 1;
    }

    /// <summary>Records the text and channel about to be sent, before the send: what a later check compares with.</summary>
    public async Task<bool> StartSendingAsync(long id, string claimedBy, string channel, string text, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE outbox SET channel = @channel, text = @text, attempts = attempts + 1, sending_ms = @nowMs, updated_at = @now WHERE id = @id AND state = 'sending' AND claimed_by = @claimedBy",
            new { id, claimedBy, channel, text, now = timeProvider.GetUtcNow(), nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() }) == 1;
    }

    /// <summary>Moves a message this sender holds to <paramref name="state"/> (sent, failed, suppressed, dropped, cancelled).</summary>
    public async Task<bool> FinishAsync(long id, string claimedBy, string state, string? providerId, string? reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE outbox SET state = @state, provider_id = COALESCE(@providerId, provider_id), reason = @reason,
                sent_ms = CASE WHEN @state = 'sent' THEN @nowMs ELSE sent_ms END, lease_ms = NULL, updated_at = @now
            WHERE id = @id AND state = 'sending' AND claimed_by = @claimedBy
            """,
            new { id, claimedBy, state, providerId, reason, now, nowMs = now.ToUnixTimeMilliseconds() }) == 1;
    }

    /// <summary>Puts a held message back as planned at <paramref name="dueMs"/> (retry, quiet hours, next channel).</summary>
    public async Task<bool> ReplanAsync(long id, string claimedBy, long dueMs, string? reason, string tried, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE outbox SET state = 'planned', due_ms = @dueMs, reason = @reason, tried = @tried, claimed_by = NULL, lease_ms = NULL, updated_at = @now
            WHERE id = @id AND state = 'sending' AND claimed_by = @claimedBy
            """,
            new { id, claimedBy, dueMs, reason, tried, now = timeProvider.GetUtcNow() }) == 1;
    }

    /// <summary>
    /// A provider's status callback. States only move forward: <c>sent</c> to <c>delivered</c> or <c>failed</c>;
    /// delivered and failed are final, so callbacks arriving out of order change nothing. Returns the message.
    /// </summary>
    public async Task<OutboxMessage?> ReportAsync(string providerId, string state, string? reason, CancellationToken cancellationToken)
    {
        if (state is not (OutboxStates.Delivered or OutboxStates.Failed))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A provider reports delivered or failed.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE outbox SET state = @state, reason = @reason, updated_at = @now WHERE provider_id = @providerId AND state IN ('sending', 'sent')",
            new { providerId, state, reason, now = timeProvider.GetUtcNow() });
        var row = await connection.QueryFirstOrDefaultAsync<Row>($"SELECT {Columns} FROM outbox WHERE provider_id = @providerId", new { providerId });
        return row?.ToMessage();
    }

    /// <summary>A message that failed on <paramref name="channel"/> after it was sent is planned again for the next channel, once.</summary>
    public async Task<bool> TryNextChannelAsync(long id, string channel, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE outbox SET state = 'planned', due_ms = @nowMs, provider_id = NULL, tried = CASE WHEN tried = '' THEN @channel ELSE tried || ',' || @channel END, updated_at = @now
            WHERE id = @id AND state = 'failed' AND channel = @channel AND tried NOT LIKE '%' || @channel || '%'
            """,
            new { id, channel, nowMs = now.ToUnixTimeMilliseconds(), now }) == 1;
    }

    public async Task<OutboxMessage?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, id);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListBySubjectAsync(string subject, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM outbox WHERE subject = @subject ORDER BY due_ms, id", new { subject });
        return rows.Select(r => r.ToMessage()).ToList();
    }

    /// <summary>Reminders dropped as too late (missed during downtime or after their event), newest first, for staff.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> DroppedAsync(string organisationId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM outbox WHERE organisation_id = @organisationId AND state = 'dropped' ORDER BY due_ms DESC LIMIT @limit",
            new { organisationId, limit });
        return rows.Select(r => r.ToMessage()).ToList();
    }

    /// <summary>How many messages are in each state, for a subject prefix (<c>broadcast:5</c>) or everything (null).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByStateAsync(string? subject, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string State, long Count)>(
            // Two statements, so that a subject's count reads the subject index (SQLite cannot with "@subject IS NULL OR").
            subject is null ? "SELECT state, COUNT(*) FROM outbox GROUP BY state" : "SELECT state, COUNT(*) FROM outbox WHERE subject = @subject GROUP BY state",
            new { subject });
        return rows.ToDictionary(r => r.State, r => (int)r.Count, StringComparer.Ordinal);
    }

    private static async Task<OutboxMessage?> FindAsync(DbConnection connection, long id) =>
        (await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM outbox WHERE id = @id", new { id }))?.ToMessage();

    private sealed class Row
    {
        public long Id { get; set; }

        public string MessageKey { get; set; } = string.Empty;

        public string OrganisationId { get; set; } = string.Empty;

        public long ContactId { get; set; }

        public string Kind { get; set; } = string.Empty;

        public string Subject { get; set; } = string.Empty;

        public string Step { get; set; } = string.Empty;

        public string Language { get; set; } = string.Empty;

        public string? Text { get; set; }

        public long? EventMs { get; set; }

        public long DueMs { get; set; }

        public string State { get; set; } = string.Empty;

        public string? Channel { get; set; }

        public string Tried { get; set; } = string.Empty;

        public long Attempts { get; set; }

        public string? ProviderId { get; set; }

        public string? Reason { get; set; }

        public long? SentMs { get; set; }

        public long? LeaseMs { get; set; }

        public long? SendingMs { get; set; }

        public OutboxMessage ToMessage() => new(Id, MessageKey, OrganisationId, ContactId, Kind, Subject, Step, Language)
        {
            Text = Text,
            EventMs = EventMs,
            DueMs = DueMs,
            State = State,
            Channel = Channel,
            Tried = Tried,
            Attempts = (int)Attempts,
            ProviderId = ProviderId,
            Reason = Reason,
            SentMs = SentMs,
            LeaseMs = LeaseMs,
            SendingMs = SendingMs,
        };
    }
}
