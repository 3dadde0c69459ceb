using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Reach.Notifications.Scheduling;

/// <summary>The entry point of the Notifications library.</summary>
public static class NotificationsHostingExtensions
{
    private static int hosts;

    /// <summary>Registers the Quartz scheduler, hosted unless <c>Scheduler:Enabled</c> is false, and its health check.</summary>
    public static IHostApplicationBuilder AddReachNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section);
        // Quartz keeps schedulers in a process-wide repository by name: a second host in the same
        // process (as in tests) gets its own name so that stopping one never stops the other.
        var host = Interlocked.Increment(ref hosts);
        var name = host == 1 ? "reach" : $"reach-{host}";
        builder.Services.AddQuartz([new("quartz.scheduler.instanceName", name)], q => q.UseInMemoryStore());
        var options = builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        if (options.Enabled)
        {
            builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        builder.Services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler");
        builder.Services.AddSingleton<Contacts.IContactStore, Contacts.ContactStore>();
        builder.Services.AddSingleton<Signups.SignupStore>();
        return builder;
    }
}
