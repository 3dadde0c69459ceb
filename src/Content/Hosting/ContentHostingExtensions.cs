using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reach.Content.Storage;

namespace Reach.Content.Hosting;

/// <summary>The entry point of the Content library.</summary>
public static class ContentHostingExtensions
{
    /// <summary>
    /// Registers the store (SQLite by default, PostgreSQL when <c>ConnectionStrings:Reach</c> names a host),
    /// its migrations and seed at startup, and the <c>store</c> health check.
    /// </summary>
    public static IHostApplicationBuilder AddReachContent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, ValidateStorageOptions>();
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        builder.Services.AddSingleton(sp => ReachDatabase.Create(
            sp.GetRequiredService<IConfiguration>().GetConnectionString("Reach"),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddSingleton<IContentStore, ContentStore>();
        builder.Services.AddSingleton<Drafts.ContentDraftStore>();
        builder.Services.AddSingleton<IUnansweredQuestions, UnansweredQuestionStore>();
        builder.Services.AddSingleton<QuestionCounts>();
        builder.Services.AddHostedService<ContentStartup>();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return builder;
    }
}
