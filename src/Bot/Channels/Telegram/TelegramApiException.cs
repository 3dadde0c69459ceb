namespace Reach.Bot.Channels.Telegram;

/// <summary>
/// A Bot API call answered <c>ok: false</c> (or with a non-2xx status and no envelope). <see cref="ErrorCode"/> equals the
/// HTTP status; <see cref="RetryAfter"/> is set on flood control (429), and the call may be repeated once after it.
/// </summary>
public class TelegramApiException(string method, int errorCode, string description, TimeSpan? retryAfter)
    : Exception($"Telegram {method} failed: {errorCode} {description}")
{
    /// <summary>The Bot API method, e.g. <c>sendMessage</c>.</summary>
    public string Method { get; } = method;

    /// <summary>The <c>error_code</c>, which the server also uses as HTTP status.</summary>
    public int ErrorCode { get; } = errorCode;

    /// <summary>The server's text, e.g. <c>Bad Request: chat not found</c>.</summary>
    public string Description { get; } = description;

    /// <summary>From <c>parameters.retry_after</c>: how long to wait before repeating the request.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
