using Microsoft.Extensions.Logging;

namespace Reach.Bot.Channels.Telegram;

/// <summary>
/// Honours Telegram flood control: when a call fails with <c>retry_after</c> (429), waits that long on the
/// <see cref="TimeProvider"/> and makes the call once more; a second failure propagates. Every other failure
/// propagates at once: sends are not idempotent.
/// </summary>
internal sealed partial class TelegramFloodWait(TimeProvider timeProvider, ILogger<TelegramFloodWait> logger)
{
    public async Task<TResult> ExecuteAsync<TResult>(Func<CancellationToken, Task<TResult>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call(cancellationToken);
        }
        catch (TelegramApiException exception) when (exception.RetryAfter is { } wait)
        {
            Log.Waiting(logger, exception.Method, (int)wait.TotalSeconds);
            await Task.Delay(wait, timeProvider, cancellationToken);
        }

        return await call(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Telegram flood control on {Method}: waiting {RetryAfterSeconds} s, then trying once more")]
        public static partial void Waiting(ILogger logger, string method, int retryAfterSeconds);
    }
}
