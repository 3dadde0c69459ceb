namespace Reach.Bot.Channels.Telegram;

/// <summary>The envelope of every Bot API answer: <c>{ok, result}</c> or <c>{ok:false, error_code, description, parameters}</c>.</summary>
public sealed record TelegramResponse<TResult>(
    bool Ok,
    TResult? Result = default,
    string? Description = null,
    int? ErrorCode = null,
    ResponseParameters? Parameters = null);
