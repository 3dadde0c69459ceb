using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reach.Bot.Answers;
using Microsoft.AspNetCore.Routing;
using Reach.Bot.Channels;
using Reach.Bot.Channels.Telegram;
using Reach.Bot.Channels.Twilio;
using Reach.Bot.Conversations;
using Reach.Bot.Reminders;
using Reach.Notifications.Delivery;

namespace Reach.Bot.Hosting;

/// <summary>The entry point of the Bot library.</summary>
public static class BotHostingExtensions
{
    /// <summary>Registers the answer service and the conversation engine with their validated options (sections <c>Answers</c>, <c>Conversations</c>).</summary>
    public static IHostApplicationBuilder AddReachBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AnswerOptions>().BindConfiguration(AnswerOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AnswerOptions>, ValidateAnswerOptions>();
        builder.Services.AddSingleton<AnswerService>();
        builder.Services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ConversationOptions>, ValidateConversationOptions>();
        builder.Services.AddSingleton<ConversationEngine>();
        builder.Services.AddSingleton<Inbox>();
        builder.Services.AddSingleton<DeliveryLog>();
        builder.Services.AddSingleton<LocalOutbox>();
        builder.Services.AddScoped<OutboundDispatcher>();
        builder.Services.AddScoped<Handoffs.StaffRelay>();
        builder.Services.AddSingleton<InboundWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboundWorker>());

        builder.Services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelegramOptions>, ValidateTelegramOptions>();
        builder.Services.AddSingleton<TelegramFloodWait>();
        builder.Services.AddHttpClient<TelegramClient>().RemoveAllLoggers(); // the token is in every request URL
        builder.Services.AddScoped<TelegramSender>();
        builder.Services.AddScoped<IChannelSender>(sp => sp.GetRequiredService<TelegramSender>());
        builder.Services.AddScoped<IDeliveryChannel>(sp => sp.GetRequiredService<TelegramSender>());
        builder.Services.AddHostedService<TelegramPoller>();

        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TwilioOptions>, ValidateTwilioOptions>();
        builder.Services.AddSingleton<TwilioConversations>();
        builder.Services.AddHttpClient<TwilioClient>();
        foreach (var channel in new[] { "sms", "whatsapp" })
        {
            builder.Services.AddKeyedScoped<TwilioSender>(channel, (sp, _) => ActivatorUtilities.CreateInstance<TwilioSender>(sp, channel));
            builder.Services.AddScoped<IChannelSender>(sp => sp.GetRequiredKeyedService<TwilioSender>(channel));
            builder.Services.AddScoped<IDeliveryChannel>(sp => sp.GetRequiredKeyedService<TwilioSender>(channel));
        }

        builder.Services.AddSingleton<IMessageRenderer, ReminderTexts>();
        return builder;
    }

    /// <summary>Maps the channel webhooks: <c>/webhooks/telegram</c> and <c>/webhooks/twilio/messages</c>.</summary>
    public static IEndpointRouteBuilder MapReachBot(this IEndpointRouteBuilder app)
    {
        app.MapTelegramWebhook();
        app.MapTwilioWebhooks();
        return app;
    }
}
