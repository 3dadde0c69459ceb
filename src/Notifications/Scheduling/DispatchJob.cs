using Quartz;
using Reach.Notifications.Delivery;

namespace Reach.Notifications.Scheduling;

/// <summary>
/// The one recurring job: sends what is due in the outbox. Thin over <see cref="OutboxDispatcher"/>. Never two
/// at once, also across a cluster of Reach processes sharing PostgreSQL (Quartz's cluster-wide lock), so the
/// channels' rates hold for the whole cluster; the outbox's own claims keep each message single even so.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("dispatch", "reach");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.RunAsync(cancellationToken);
}
