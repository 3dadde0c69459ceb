namespace Reach.Bot.Channels.Telegram;

/// <summary>A Bot API <c>Chat</c>. <see cref="Type"/> is <c>private</c>, <c>group</c>, <c>supergroup</c> or <c>channel</c>; old samples omit it.</summary>
public sealed record Chat(long Id, string? Type = null);
