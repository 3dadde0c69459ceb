namespace Reach.Bot.Channels.Telegram;

/// <summary>A Bot API <c>CallbackQuery</c>: an inline button was pressed. Answer it at once with <c>answerCallbackQuery</c>.</summary>
public sealed record CallbackQuery(
    string Id,
    User From,
    Message? Message = null,
    string? InlineMessageId = null,
    string? ChatInstance = null,
    string? Data = null);
