using Reach.Bot.Conversations;

namespace Reach.Bot.Channels;

/// <summary>
/// Sends a message on its channel when that channel has credentials, otherwise records it in the
/// local outbox, clearly labelled as not sent. Used for replies and for staff messages alike.
/// </summary>
public sealed class OutboundDispatcher(IEnumerable<IChannelSender> senders, LocalOutbox outbox)
{
    private readonly Dictionary<string, IChannelSender> byChannel = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);

    /// <summary>Returns true when the message went to a real channel, false when it was only recorded.</summary>
    public async Task<bool> DispatchAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (byChannel.TryGetValue(message.Channel, out var sender) && sender.IsConfigured)
        {
            await sender.SendAsync(message, cancellationToken);
            return true;
        }

        await outbox.RecordAsync(message, cancellationToken);
        return false;
    }
}
