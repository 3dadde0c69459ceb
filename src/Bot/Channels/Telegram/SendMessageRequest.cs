namespace Reach.Bot.Channels.Telegram;

/// <summary>The <c>sendMessage</c> body; property order is the JSON order.</summary>
internal sealed record SendMessageRequest(long ChatId, string Text, string ParseMode, InlineKeyboardMarkup? ReplyMarkup);
