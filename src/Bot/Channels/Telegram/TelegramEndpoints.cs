using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Reach.Bot.Channels.Telegram;

/// <summary>
/// <c>POST /webhooks/telegram</c>: checks the secret token in constant time (403 and nothing processed
/// when wrong), processes each update_id once, queues the message and answers 200 at once.
/// </summary>
internal static class TelegramEndpoints
{
    public const string Path = "/webhooks/telegram";

    public static void MapTelegramWebhook(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, async (HttpContext context, IOptions<TelegramOptions> options, DeliveryLog deliveries, Inbox inbox, TelegramClient client, TimeProvider time) =>
        {
            var settings = options.Value;
            if (!settings.Enabled || settings.Mode != TelegramMode.Webhook
                || !TelegramWebhook.IsAuthorized(context.Request.Headers[TelegramWebhook.SecretHeader].ToString(), settings.WebhookSecret))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            Update update;
            try
            {
                update = await TelegramWebhook.ReadUpdateAsync(context.Request.Body, context.RequestAborted);
            }
            catch (System.Text.Json.JsonException)
            {
                return Results.BadRequest();
            }

            await TelegramPoller.AcceptAsync(update, deliveries, inbox, client, Instant.FromDateTimeOffset(time.GetUtcNow()), context.RequestAborted);
            return Results.Ok();
        });
}
