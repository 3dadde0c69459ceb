using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Reach.Bot.Conversations;
using Reach.Notifications.Delivery;

namespace Reach.Bot.Channels.Twilio;

/// <summary>
/// <c>POST /webhooks/twilio/messages</c>: an SMS or WhatsApp message from Twilio. The signature is
/// checked first (403 and nothing processed when wrong), a repeated MessageSid is acknowledged and
/// ignored, the message is queued and Twilio gets an empty TwiML answer at once.
/// <c>POST /webhooks/twilio/status</c>: a delivery status callback for a message Reach sent, signed the same way.
/// </summary>
public static partial class TwilioEndpoints
{
    public const string MessagesPath = "/webhooks/twilio/messages";

    public const string StatusPath = "/webhooks/twilio/status";

    public static void MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(MessagesPath, async (HttpContext context, IOptions<TwilioOptions> options, DeliveryLog deliveries, Inbox inbox, TwilioConversations conversations, TimeProvider time, ILoggerFactory loggers) =>
        {
            var settings = options.Value;
            if (!settings.Enabled || !context.Request.HasFormContentType)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var parameters = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList();
            var url = PublicUrl(context.Request, settings.PublicBaseUrl);
            if (!TwilioSignature.IsValid(settings.AuthToken, url, parameters, context.Request.Headers["X-Twilio-Signature"].ToString()))
            {
                Log.Rejected(loggers.CreateLogger(typeof(TwilioEndpoints)));
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var sid = form["MessageSid"].ToString();
            var from = form["From"].ToString();
            if (sid.Length == 0 || from.Length == 0)
            {
                return Results.BadRequest();
            }

            if (await deliveries.FirstTimeAsync("twilio", sid, context.RequestAborted))
            {
                var whatsapp = from.StartsWith("whatsapp:", StringComparison.Ordinal);
                var channel = whatsapp ? "whatsapp" : "sms";
                var address = whatsapp ? from["whatsapp:".Length..] : from;
                var now = time.GetUtcNow();
                if (whatsapp)
                {
                    conversations.Inbound(address, now);
                }

                var text = form["Body"].ToString();
                var choice = form["ButtonPayload"].ToString() is { Length: > 0 } payload ? payload : conversations.ChoiceFor(channel, address, text);
                await inbox.EnqueueAsync(
                    new IncomingMessage(channel, address, choice is null ? text : null, choice, Instant.FromDateTimeOffset(now))
                    {
                        FirstName = form["ProfileName"].ToString() is { Length: > 0 } name ? name : null,
                        LanguageHint = LanguageFromCountry(address),
                    },
                    context.RequestAborted);
            }

            return Results.Content("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", "application/xml");
        });

        // Delivery status callbacks: states only move forward (callbacks may arrive out of order). A WhatsApp
        // message Twilio could not deliver is tried once more by SMS.
        app.MapPost(StatusPath, async (HttpContext context, IOptions<TwilioOptions> options, OutboxStore outbox, ILoggerFactory loggers) =>
        {
            var settings = options.Value;
            if (!settings.Enabled || !context.Request.HasFormContentType)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var parameters = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList();
            if (!TwilioSignature.IsValid(settings.AuthToken, PublicUrl(context.Request, settings.PublicBaseUrl), parameters, context.Request.Headers["X-Twilio-Signature"].ToString()))
            {
                Log.Rejected(loggers.CreateLogger(typeof(TwilioEndpoints)));
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var sid = form["MessageSid"].ToString();
            var status = form["MessageStatus"].ToString();
            if (sid.Length == 0 || status.Length == 0)
            {
                return Results.BadRequest();
            }

            var state = status switch
            {
                "delivered" or "read" => OutboxStates.Delivered,
                "failed" or "undelivered" => OutboxStates.Failed,
                _ => null, // queued, accepted, sending, sent: the outbox already says sent.
            };
            if (state is not null)
            {
                var code = form["ErrorCode"].ToString();
                var message = await outbox.ReportAsync(sid, state, state == OutboxStates.Failed ? $"Twilio: {status}{(code.Length > 0 ? ", error " + code : string.Empty)}" : null, context.RequestAborted);
                if (message is { State: OutboxStates.Failed, Channel: "whatsapp" })
                {
                    await outbox.TryNextChannelAsync(message.Id, "whatsapp", context.RequestAborted);
                }
            }

            return Results.Ok();
        });
    }

    /// <summary>The URL Twilio signed: the configured public base URL and the request's path and query, or the request's own URL.</summary>
    public static string PublicUrl(HttpRequest request, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pathAndQuery = request.Path + request.QueryString;
        return publicBaseUrl is null
            ? $"{request.Scheme}://{request.Host}{pathAndQuery}"
            : publicBaseUrl.GetLeftPart(UriPartial.Authority) + pathAndQuery;
    }

    /// <summary>A first-contact hint from the country code: +380 Ukrainian, +34 and Latin America Spanish, Arab countries Arabic.</summary>
    public static string? LanguageFromCountry(string e164) => e164 switch
    {
        _ when e164.StartsWith("+380", StringComparison.Ordinal) => "uk",
        _ when e164.StartsWith("+34", StringComparison.Ordinal) || e164.StartsWith("+52", StringComparison.Ordinal) || e164.StartsWith("+57", StringComparison.Ordinal)
            || e164.StartsWith("+51", StringComparison.Ordinal) || e164.StartsWith("+54", StringComparison.Ordinal) || e164.StartsWith("+58", StringComparison.Ordinal) => "es",
        _ when e164.StartsWith("+212", StringComparison.Ordinal) || e164.StartsWith("+213", StringComparison.Ordinal) || e164.StartsWith("+216", StringComparison.Ordinal)
            || e164.StartsWith("+963", StringComparison.Ordinal) || e164.StartsWith("+970", StringComparison.Ordinal) || e164.StartsWith("+964", StringComparison.Ordinal)
            || e164.StartsWith("+20", StringComparison.Ordinal) || e164.StartsWith("+961", StringComparison.Ordinal) || e164.StartsWith("+962", StringComparison.Ordinal) => "ar",
        _ => null,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "A Twilio webhook with a wrong signature was refused")]
        public static partial void Rejected(ILogger logger);
    }
}
