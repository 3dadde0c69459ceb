using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reach.Notifications.Delivery;

namespace Reach.Benchmarks.Load;

/// <summary>
/// Runs <see cref="OutboxDispatcher.RunAsync"/> the way the Quartz dispatch job does, without Quartz: a trigger every
/// <see cref="DeliveryOptions.PollInterval"/>, never two runs at once, each run in its own DI scope. A firing that
/// falls while a run is still going fires as soon as it ends (Quartz's blocked trigger, within its misfire threshold);
/// the firings missed beyond that one are skipped, as <c>NextWithRemainingCount</c> does.
/// </summary>
internal static class DispatchLoop
{
    /// <summary>Runs until <paramref name="done"/> says so (checked after each run) or <paramref name="deadline"/> passes. Returns the number of runs.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, Func<bool> done, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var poll = services.GetRequiredService<IOptionsMonitor<DeliveryOptions>>().CurrentValue.PollInterval;
        var started = Stopwatch.GetTimestamp();
        long tick = 0;
        var runs = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunAsync(cancellationToken);
            }

            runs++;
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (done() || elapsed > deadline)
            {
                return runs;
            }

            var next = poll * (tick + 1);
            if (elapsed >= next)
            {
                // The firing came during the run: it goes now, and the ones missed before it are dropped.
                tick = (long)(elapsed / poll);
                continue;
            }

            tick++;
            await Task.Delay(next - elapsed, cancellationToken);
        }

        return runs;
    }
}
