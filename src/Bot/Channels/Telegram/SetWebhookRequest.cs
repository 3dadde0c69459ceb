namespace Reach.Bot.Channels.Telegram;

/// <summary>The <c>setWebhook</c> body.</summary>
internal sealed record SetWebhookRequest(string Url, string SecretToken, IReadOnlyList<string> AllowedUpdates);
