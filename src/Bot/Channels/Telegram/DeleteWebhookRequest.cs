namespace Reach.Bot.Channels.Telegram;

/// <summary>The <c>deleteWebhook</c> body.</summary>
internal sealed record DeleteWebhookRequest(bool DropPendingUpdates);
