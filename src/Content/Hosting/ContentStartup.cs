using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Reach.Content.Packs;
using Reach.Content.Storage;

namespace Reach.Content.Hosting;

/// <summary>Migrates the store, then publishes the seed pack when nothing is published yet.</summary>
internal sealed partial class ContentStartup(
    Migrator migrator,
    IContentStore store,
    IOptions<ContentOptions> options,
    TimeProvider timeProvider,
    ILogger<ContentStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        if (applied.Count > 0)
        {
            Log.Migrated(logger, applied.Count, applied[^1]);
        }

        var seed = options.Value.SeedPack;
        if (string.IsNullOrWhiteSpace(seed) || (await store.ListOrganisationsAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var today = LocalDate.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var result = PackReader.ReadDirectory(Path.GetFullPath(seed), today);
        if (result.Pack is null)
        {
            if (logger.IsEnabled(LogLevel.Error))
            {
                Log.SeedInvalid(logger, seed, result.Errors.Count(), string.Join(Environment.NewLine, result.Errors.Take(20)));
            }
            return;
        }

        foreach (var content in result.Pack.Organisations)
        {
            var published = await store.PublishAsync(content, options.Value.SeedAuthor, $"seed from {seed}", cancellationToken);
            Log.Seeded(logger, published.OrganisationId, published.Version, seed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Store migrated: {Count} migration(s) applied, schema now at {Version}")]
        public static partial void Migrated(ILogger logger, int count, int version);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Published {Organisation} version {Version} from the seed pack {Pack}")]
        public static partial void Seeded(ILogger logger, string organisation, int version, string pack);

        [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The seed pack {Pack} has {Count} error(s) and was not published:\n{Errors}")]
        public static partial void SeedInvalid(ILogger logger, string pack, int count, string errors);
    }
}
