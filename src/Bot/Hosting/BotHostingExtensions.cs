using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reach.Bot.Answers;

namespace Reach.Bot.Hosting;

/// <summary>The entry point of the Bot library.</summary>
public static class BotHostingExtensions
{
    /// <summary>Registers the answer service and its validated options (section <c>Answers</c>).</summary>
    public static IHostApplicationBuilder AddReachBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AnswerOptions>().BindConfiguration(AnswerOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AnswerOptions>, ValidateAnswerOptions>();
        builder.Services.AddSingleton<AnswerService>();
        return builder;
    }
}
