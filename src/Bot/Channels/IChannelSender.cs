using Reach.Bot.Conversations;

namespace Reach.Bot.Channels;

/// <summary>Sends replies on one channel (telegram, sms, whatsapp); the web chat answers in its HTTP response.</summary>
public interface IChannelSender
{
    /// <summary>The channel name, as in <see cref="IncomingMessage.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>True when credentials are configured; otherwise replies go to the local outbox.</summary>
    bool IsConfigured { get; }

    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
