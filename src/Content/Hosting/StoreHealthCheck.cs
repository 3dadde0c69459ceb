using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reach.Content.Storage;

namespace Reach.Content.Hosting;

/// <summary>Healthy when the store answers, its schema is current and some content is published.</summary>
internal sealed class StoreHealthCheck(ReachDatabase database, Migrator migrator, IContentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var schema = await migrator.CurrentVersionAsync(cancellationToken);
            var expected = Migrator.Scripts(database.Dialect).Max(s => s.Version);
            var organisations = await store.ListOrganisationsAsync(cancellationToken);
            var description = $"{database.Dialect.ToString().ToLowerInvariant()}, schema {schema}/{expected}, content published for {organisations.Count} organisation(s): {string.Join(", ", organisations)}";
            if (schema < expected)
            {
                return HealthCheckResult.Unhealthy(description);
            }

            return organisations.Count == 0 ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            return HealthCheckResult.Unhealthy($"{database.Dialect.ToString().ToLowerInvariant()} store unreachable: {e.GetType().Name}");
        }
    }
}
