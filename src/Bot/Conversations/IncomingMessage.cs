using NodaTime;

namespace Reach.Bot.Conversations;

/// <summary>
/// A message from a person, channel-neutral: free text or the id of a button they chose. The address
/// (chat id or phone number) identifies them on the channel and is never logged.
/// </summary>
public sealed record IncomingMessage(string Channel, string Address, string? Text, string? Choice, Instant At)
{
    /// <summary>A language the channel suggests on first contact (Telegram's language_code, a phone's country).</summary>
    public string? LanguageHint { get; init; }

    public string? FirstName { get; init; }
}
