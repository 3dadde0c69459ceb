namespace Reach.Bot.Channels.Telegram;

/// <summary>The <c>parameters</c> of a failed call; <see cref="RetryAfter"/> is in seconds (flood control, 429).</summary>
public sealed record ResponseParameters(int? RetryAfter = null);
