using Dapper;
using Reach.Content.Storage;

namespace Reach.Bot.Channels;

/// <summary>
/// Remembers each delivery a channel made (Telegram update_id, Twilio MessageSid) so that a delivery
/// repeated by the channel is processed once.
/// </summary>
public sealed class DeliveryLog(ReachDatabase database, TimeProvider timeProvider)
{
    /// <summary>True the first time this delivery is seen, false for a repeat.</summary>
    public async Task<bool> FirstTimeAsync(string channel, string deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(
            "INSERT INTO inbound_deliveries (channel, delivery_id, received_at) VALUES (@channel, @deliveryId, @now) ON CONFLICT (channel, delivery_id) DO NOTHING",
            new { channel, deliveryId, now = timeProvider.GetUtcNow() });
        return inserted == 1;
    }
}
