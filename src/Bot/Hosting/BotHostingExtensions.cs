using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reach.Bot.Answers;
using Reach.Bot.Channels;
using Reach.Bot.Conversations;

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
        builder.Services.AddSingleton<InboundWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboundWorker>());
        return builder;
    }
}
