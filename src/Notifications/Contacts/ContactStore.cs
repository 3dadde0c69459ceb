using Dapper;
using Reach.Content.Storage;

namespace Reach.Notifications.Contacts;

/// <summary>Contacts and the inbox in the Reach database (SQLite or PostgreSQL).</summary>
public sealed class ContactStore(ReachDatabase database, TimeProvider timeProvider) : IContactStore
{
    private const string Columns = """
        id AS Id, organisation_id AS OrganisationId, channel AS Channel, address AS Address, first_name AS FirstName,
        language AS Language, language_candidate AS LanguageCandidate, candidate_count AS CandidateCount, stage AS Stage,
        misunderstood AS Misunderstood, opted_out AS OptedOut
        """;

    public async Task<Contact> GetOrCreateAsync(string organisationId, string channel, string address, string? firstName, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO contacts (organisation_id, channel, address, first_name, stage, created_at, updated_at)
            VALUES (@organisationId, @channel, @address, @firstName, 'new', @now, @now)
            ON CONFLICT (organisation_id, channel, address) DO NOTHING
            """,
            new { organisationId, channel, address, firstName, now });
        var row = await connection.QuerySingleAsync<Row>(
            $"SELECT {Columns} FROM contacts WHERE organisation_id = @organisationId AND channel = @channel AND address = @address",
            new { organisationId, channel, address });
        return row.ToContact();
    }

    public async Task<Contact?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM contacts WHERE id = @id", new { id });
        return row?.ToContact();
    }

    public async Task<IReadOnlyDictionary<long, Contact>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<long, Contact>();
        if (ids.Count == 0)
        {
            return found;
        }

        await using var connection = await database.OpenAsync(cancellationToken);

        // PostgreSQL takes the ids as one array parameter (Dapper does not expand a list for it); SQLite gets a list of
        // parameters, in chunks because it limits the parameters of one statement.
        var match = database.Dialect == StoreDialect.Postgres ? "id = ANY(@chunk)" : "id IN @chunk";
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            foreach (var row in await connection.QueryAsync<Row>($"SELECT {Columns} FROM contacts WHERE {match}", new { chunk }))
            {
                found[row.Id] = row.ToContact();
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<Contact>> SameAddressAsync(string organisationId, string address, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM contacts WHERE organisation_id = @organisationId AND address = @address ORDER BY id", new { organisationId, address });
        return rows.Select(r => r.ToContact()).ToList();
    }

    public async Task SaveAsync(Contact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE contacts SET first_name = @FirstName, language = @Language, language_candidate = @LanguageCandidate,
                candidate_count = @CandidateCount, stage = @Stage, misunderstood = @Misunderstood, opted_out = @OptedOut, updated_at = @now
            WHERE id = @Id
            """,
            new { contact.FirstName, contact.Language, contact.LanguageCandidate, contact.CandidateCount, contact.Stage, contact.Misunderstood, contact.OptedOut, contact.Id, now = timeProvider.GetUtcNow() });
    }

    public async Task ForgetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await ReachDatabase.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync("DELETE FROM messages WHERE contact_id = @id", new { id }, transaction);
        await connection.ExecuteAsync("DELETE FROM handoffs WHERE contact_id = @id", new { id }, transaction);
        await connection.ExecuteAsync("DELETE FROM contacts WHERE id = @id", new { id }, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task AddMessageAsync(long contactId, string direction, string text, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO messages (contact_id, direction, text, at) VALUES (@contactId, @direction, @text, @now)",
            new { contactId, direction, text, now = timeProvider.GetUtcNow() });
    }

    public async Task<IReadOnlyList<(string Direction, string Text, DateTimeOffset At)>> MessagesAsync(long contactId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MessageRow>(
            "SELECT direction AS Direction, text AS Text, at AS At FROM messages WHERE contact_id = @contactId ORDER BY id", new { contactId });
        return rows.Select(r => (r.Direction, r.Text, r.At)).ToList();
    }

    public async Task<bool> OpenHandoffAsync(long contactId, string organisationId, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await ReachDatabase.BeginWriteAsync(connection, cancellationToken);
        var open = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM handoffs WHERE contact_id = @contactId AND closed_at IS NULL", new { contactId }, transaction);
        if (open > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(
            "INSERT INTO handoffs (organisation_id, contact_id, reason, opened_at) VALUES (@organisationId, @contactId, @reason, @now)",
            new { organisationId, contactId, reason, now = timeProvider.GetUtcNow() }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> HasOpenHandoffAsync(long contactId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM handoffs WHERE contact_id = @contactId AND closed_at IS NULL", new { contactId }) > 0;
    }

    public async Task<IReadOnlyList<Handoff>> OpenHandoffsAsync(string organisationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HandoffRow>(
            $"SELECT {HandoffColumns} FROM handoffs WHERE organisation_id = @organisationId AND closed_at IS NULL ORDER BY opened_at, id",
            new { organisationId });
        return rows.Select(r => r.ToHandoff()).ToList();
    }

    public async Task<Handoff?> FindHandoffAsync(long handoffId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<HandoffRow>($"SELECT {HandoffColumns} FROM handoffs WHERE id = @handoffId", new { handoffId });
        return row?.ToHandoff();
    }

    public async Task<bool> AssignHandoffAsync(long handoffId, long? accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE handoffs SET assigned_to = @accountId WHERE id = @handoffId AND closed_at IS NULL", new { handoffId, accountId }) == 1;
    }

    public async Task<bool> CloseHandoffAsync(long handoffId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE handoffs SET closed_at = @now WHERE id = @handoffId AND closed_at IS NULL", new { handoffId, now = timeProvider.GetUtcNow() }) == 1;
    }

    private const string HandoffColumns =
        "id AS Id, organisation_id AS OrganisationId, contact_id AS ContactId, reason AS Reason, opened_at AS OpenedAt, closed_at AS ClosedAt, assigned_to AS AssignedTo";

    private sealed class HandoffRow
    {
        public long Id { get; set; }

        public string OrganisationId { get; set; } = string.Empty;

        public long ContactId { get; set; }

        public string Reason { get; set; } = string.Empty;

        public DateTimeOffset OpenedAt { get; set; }

        public DateTimeOffset? ClosedAt { get; set; }

        public long? AssignedTo { get; set; }

        public Handoff ToHandoff() => new(Id, OrganisationId, ContactId, Reason, OpenedAt, ClosedAt) { AssignedTo = AssignedTo };
    }

    private sealed class Row
    {
        public long Id { get; set; }

        public string OrganisationId { get; set; } = string.Empty;

        public string Channel { get; set; } = string.Empty;

        public string Address { get; set; } = string.Empty;

        public string? FirstName { get; set; }

        public string? Language { get; set; }

        public string? LanguageCandidate { get; set; }

        public long CandidateCount { get; set; }

        public string Stage { get; set; } = "new";

        public long Misunderstood { get; set; }

        public bool OptedOut { get; set; }

        public Contact ToContact() => new(Id, OrganisationId, Channel, Address)
        {
            FirstName = FirstName,
            Language = Language,
            LanguageCandidate = LanguageCandidate,
            CandidateCount = (int)CandidateCount,
            Stage = Stage,
            Misunderstood = (int)Misunderstood,
            OptedOut = OptedOut,
        };
    }

    private sealed class MessageRow
    {
        public string Direction { get; set; } = string.Empty;

        public string Text { get; set; } = string.Empty;

        public DateTimeOffset At { get; set; }
    }
}
