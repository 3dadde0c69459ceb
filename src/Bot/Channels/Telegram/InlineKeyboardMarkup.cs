namespace Reach.Bot.Channels.Telegram;

/// <summary>Rows of inline buttons shown under a message.</summary>
public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard);
