using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Reach.Bot.Channels.Telegram;

/// <summary>
/// Long polling (<c>getUpdates</c>) for running without a public URL: each update acknowledged by the
/// next offset, processed once, button presses answered so the button stops spinning.
/// </summary>
internal sealed partial class TelegramPoller(
    TelegramClient client,
    DeliveryLog deliveries,
    Inbox inbox,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.Mode != TelegramMode.Polling)
        {
            return;
        }

        long? offset = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var update in await client.GetUpdatesAsync(offset, settings.PollingTimeout, stoppingToken))
                {
                    await AcceptAsync(update, deliveries, inbox, client, Instant.FromDateTimeOffset(time.GetUtcNow()), stoppingToken);
                    offset = update.UpdateId + 1;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TelegramApiException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                Log.PollFailed(logger, e.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }

    /// <summary>Queues an update once; answers a button press.</summary>
    public static async Task AcceptAsync(Update update, DeliveryLog deliveries, Inbox inbox, TelegramClient client, Instant at, CancellationToken cancellationToken)
    {
        if (TelegramUpdateMapper.Map(update) is not { } inbound
            || !await deliveries.FirstTimeAsync("telegram", update.UpdateId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken))
        {
            return;
        }

        if (inbound.CallbackQueryId is { } callback)
        {
            await client.AnswerCallbackQueryAsync(callback, null, cancellationToken);
        }

        await inbox.EnqueueAsync(TelegramInboundMapper.ToIncoming(inbound, at), cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Telegram polling failed ({Error}); trying again in 5 seconds")]
        public static partial void PollFailed(ILogger logger, string error);
    }
}
