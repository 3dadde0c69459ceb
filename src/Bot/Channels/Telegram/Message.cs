namespace Reach.Bot.Channels.Telegram;

/// <summary>A Bot API <c>Message</c>, the fields Reach reads. <see cref="Date"/> is Unix seconds (0 for an inaccessible message).</summary>
public sealed record Message(
    long MessageId,
    long Date,
    Chat Chat,
    User? From = null,
    string? Text = null,
    InlineKeyboardMarkup? ReplyMarkup = null);
