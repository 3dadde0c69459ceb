using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace Reach.Notifications.Scheduling;

/// <summary>Healthy when the scheduler runs; degraded when it is turned off by configuration.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory factory, IOptions<SchedulerOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Degraded("scheduler turned off by configuration (Scheduler:Enabled = false)");
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status switch
        {
            SchedulerStatus.Running => HealthCheckResult.Healthy($"scheduler {scheduler.SchedulerName} running"),

            // The hosted service starts the scheduler once the application has started: a moment later.
            SchedulerStatus.Created => HealthCheckResult.Degraded($"scheduler {scheduler.SchedulerName} is starting"),
            _ => HealthCheckResult.Unhealthy($"scheduler {scheduler.SchedulerName} is {status.ToString().ToLowerInvariant()}"),
        };
    }
}
