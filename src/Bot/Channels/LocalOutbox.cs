using Dapper;
using Reach.Bot.Conversations;
using Reach.Content.Storage;

namespace Reach.Bot.Channels;

/// <summary>
/// Where replies go on a channel with no credentials configured: recorded for staff, labelled
/// "not sent (no credentials)", so that Reach runs and can be tried without any account.
/// </summary>
public sealed class LocalOutbox(ReachDatabase database, TimeProvider timeProvider)
{
    public const string NotSent = "not sent (no credentials)";

    public async Task RecordAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Choices.Count == 0
            ? message.Text
            : message.Text + "\n" + string.Join("\n", message.Choices.Select((c, i) => $"{i + 1}. {c.Label}"));
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO local_outbox (channel, address, text, status, created_at) VALUES (@Channel, @Address, @text, @status, @now)",
            new { message.Channel, message.Address, text, status = NotSent, now = timeProvider.GetUtcNow() });
    }

    public async Task<IReadOnlyList<(string Channel, string Address, string Text, string Status)>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string, string, string, string)>(
            "SELECT channel, address, text, status FROM local_outbox ORDER BY id DESC LIMIT @limit", new { limit });
        return rows.ToList();
    }
}
