using Dapper;
using Reach.Content.Storage;

namespace Reach.Notifications.Signups;

/// <summary>Sign-ups as staff see them: places taken and waiting per session, and a session's participants.</summary>
public sealed class SignupQueries(ReachDatabase database)
{
    /// <summary>Confirmed and waiting people per session of an organisation (sessions nobody signed up for are absent).</summary>
    public async Task<IReadOnlyDictionary<string, (int Confirmed, int Waiting)>> CountsAsync(string organisationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CountRow>(
            """
            SELECT session_id AS SessionId,
                SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END) AS Confirmed,
                SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END) AS Waiting
            FROM signups
            WHERE organisation_id = @organisationId AND status IN ('confirmed', 'waiting')
            GROUP BY session_id
            """,
            new { organisationId });
        return rows.ToDictionary(r => r.SessionId, r => ((int)r.Confirmed, (int)r.Waiting), StringComparer.Ordinal);
    }

    /// <summary>A session's confirmed people, then its waiting list in order; each in the order they signed up.</summary>
    public async Task<IReadOnlyList<Participant>> ParticipantsAsync(string organisationId, string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ParticipantRow>(
            """
            SELECT s.contact_id AS ContactId, c.channel AS Channel, c.address AS Address, c.first_name AS FirstName, c.language AS Language,
                s.status AS Status, s.created_at AS SignedUpAt
            FROM signups s JOIN contacts c ON c.id = s.contact_id
            WHERE s.organisation_id = @organisationId AND s.session_id = @sessionId AND s.status IN ('confirmed', 'waiting')
            ORDER BY s.created_at, s.id
            """,
            new { organisationId, sessionId })).ToList();
        var consents = (await connection.QueryAsync<ConsentRow>(
            "SELECT contact_id AS ContactId, recorded_by AS RecordedBy, recorded_at AS RecordedAt FROM signup_consents WHERE organisation_id = @organisationId AND session_id = @sessionId ORDER BY id",
            new { organisationId, sessionId })).ToList();
        var position = 0;
        return rows
            .OrderBy(r => r.Status == "confirmed" ? 0 : 1)
            .Select(r =>
            {
                // Only a consent recorded for this sign-up: not one from before the person cancelled and signed up again.
                var consent = consents.LastOrDefault(c => c.ContactId == r.ContactId && c.RecordedAt >= r.SignedUpAt);
                var waiting = r.Status == "waiting";
                return new Participant(r.ContactId, r.Channel, r.Address, waiting ? SignupStatus.Waiting : SignupStatus.Confirmed, r.SignedUpAt)
                {
                    FirstName = r.FirstName,
                    Language = r.Language,
                    WaitingPosition = waiting ? ++position : 0,
                    ConsentRecordedBy = consent?.RecordedBy,
                    ConsentRecordedAt = consent?.RecordedAt,
                };
            })
            .ToList();
    }

    private sealed class CountRow
    {
        public string SessionId { get; set; } = string.Empty;

        public long Confirmed { get; set; }

        public long Waiting { get; set; }
    }

    private sealed class ParticipantRow
    {
        public long ContactId { get; set; }

        public string Channel { get; set; } = string.Empty;

        public string Address { get; set; } = string.Empty;

        public string? FirstName { get; set; }

        public string? Language { get; set; }

        public string Status { get; set; } = string.Empty;

        public DateTimeOffset SignedUpAt { get; set; }
    }

    private sealed class ConsentRow
    {
        public long ContactId { get; set; }

        public string RecordedBy { get; set; } = string.Empty;

        public DateTimeOffset RecordedAt { get; set; }
    }
}
