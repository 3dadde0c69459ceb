namespace Reach.Bot.Channels.Telegram;

/// <summary>How updates reach Reach: Telegram posts them to our webhook, or Reach long-polls <c>getUpdates</c>.</summary>
public enum TelegramMode
{
    /// <summary>Reach calls <c>getUpdates</c> in a loop; works behind NAT, no public HTTPS URL needed. The default.</summary>
    Polling,

    /// <summary>Telegram posts each update to our HTTPS endpoint with the secret header.</summary>
    Webhook,
}
