namespace Reach.Bot.Channels.Telegram;

/// <summary>The <c>answerCallbackQuery</c> body. <see cref="Text"/> (0-200 characters) shows as a toast when set.</summary>
internal sealed record AnswerCallbackQueryRequest(string CallbackQueryId, string? Text);
