using Reach.Bot.Conversations;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;

namespace Reach.Bot.Channels;

/// <summary>
/// A conversation reply sent through a channel's delivery: a person the channel reports as unreachable (blocked
/// the bot, unsubscribed) is marked opted out so that nothing more is tried; any other failure is raised for the
/// worker to log. Messages and deliveries convert both ways here.
/// </summary>
public static class Replies
{
    public static async Task SendReplyAsync(this IDeliveryChannel channel, OutgoingMessage message, IContactStore contacts, string organisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(contacts);
        var result = await channel.DeliverAsync(ToDelivery(message), cancellationToken);
        if (result.Outcome == DeliveryOutcome.Unreachable)
        {
            var contact = await contacts.GetOrCreateAsync(organisation, channel.Channel, message.Address, null, cancellationToken);
            await contacts.SaveAsync(contact with { OptedOut = true }, cancellationToken);
        }
        else if (result.Outcome is not (DeliveryOutcome.Sent or DeliveryOutcome.NotConfigured))
        {
            throw new InvalidOperationException($"The {channel.Channel} reply was not sent ({result.Outcome}: {result.Reason}).");
        }
    }

    public static Delivery ToDelivery(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new Delivery(message.Channel, message.Address, message.Language, message.Text) { Choices = message.Choices.Select(c => new DeliveryChoice(c.Id, c.Label)).ToList() };
    }

    public static OutgoingMessage ToMessage(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new OutgoingMessage(delivery.Channel, delivery.Address, delivery.Language, delivery.Text) { Choices = delivery.Choices.Select(c => new Choice(c.Id, c.Label)).ToList() };
    }
}
