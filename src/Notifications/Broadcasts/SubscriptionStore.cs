using Dapper;
using Reach.Content.Storage;

namespace Reach.Notifications.Broadcasts;

/// <summary>What people opted into: <c>news</c> of the organisation or <c>group:{id}</c>; the audiences of broadcasts.</summary>
public sealed class SubscriptionStore(ReachDatabase database, TimeProvider timeProvider)
{
    public async Task SubscribeAsync(long contactId, string topic, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO subscriptions (contact_id, topic, created_at) VALUES (@contactId, @topic, @now) ON CONFLICT (contact_id, topic) DO NOTHING",
            new { contactId, topic, now = timeProvider.GetUtcNow() });
    }

    public async Task UnsubscribeAsync(long contactId, string topic, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM subscriptions WHERE contact_id = @contactId AND topic = @topic", new { contactId, topic });
    }
}
