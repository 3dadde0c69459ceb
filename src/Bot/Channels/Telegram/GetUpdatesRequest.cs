namespace Reach.Bot.Channels.Telegram;

/// <summary>The <c>getUpdates</c> body. <see cref="Timeout"/> is in whole seconds.</summary>
internal sealed record GetUpdatesRequest(long? Offset, int Timeout, IReadOnlyList<string> AllowedUpdates);
