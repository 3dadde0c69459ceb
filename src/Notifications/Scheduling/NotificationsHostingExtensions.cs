using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using Reach.Content.Storage;
using Reach.Notifications.Appointments;
using Reach.Notifications.Broadcasts;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Notifications.Reminders;
using Reach.Notifications.Signups;

namespace Reach.Notifications.Scheduling;

/// <summary>The entry point of the Notifications library.</summary>
public static class NotificationsHostingExtensions
{
    private static int hosts;

    /// <summary>
    /// Registers contacts, sign-ups, appointments, broadcasts and the outbox, and the Quartz scheduler with its
    /// persistent store and the dispatch job, hosted unless <c>Scheduler:Enabled</c> is false.
    /// </summary>
    public static IHostApplicationBuilder AddReachNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section);
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReminderOptions>, ValidateReminderOptions>();

        var options = builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var delivery = builder.Configuration.GetSection(DeliveryOptions.Section).Get<DeliveryOptions>() ?? new DeliveryOptions();

        // Quartz keeps schedulers in a process-wide repository by name: a second host in the same
        // process (as in tests) gets its own name so that stopping one never stops the other.
        var host = Interlocked.Increment(ref hosts);
        var name = host == 1 ? "reach" : $"reach-{host}";
        builder.Services.AddQuartz([new("quartz.scheduler.instanceName", name)], q =>
        {
            if (options.Store == "memory")
            {
                q.UseInMemoryStore();
            }
            else
            {
                q.UsePersistentStore(store =>
                {
                    store.UseSystemTextJsonSerializer();
                    store.ProvisionSchema();
                    var connectionString = builder.Configuration.GetConnectionString("Reach");
                    if (!string.IsNullOrWhiteSpace(connectionString) && connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase))
                    {
                        store.UsePostgres(connectionString);
                        store.UseClustering(c =>
                        {
                            c.CheckinInterval = TimeSpan.FromSeconds(5);
                            c.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                        });
                    }
                    else
                    {
                        store.UseSqlite(SqliteFactory.Instance, $"Data Source={QuartzFile(builder.Configuration)}");
                    }
                });
            }

            q.AddJob<DispatchJob>(j => j.WithIdentity(DispatchJob.Key).StoreDurably().RequestRecovery());
            q.AddTrigger(t => t
                .ForJob(DispatchJob.Key)
                .WithIdentity("dispatch-every", "reach")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(delivery.PollInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        if (options.Enabled)
        {
            builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        builder.Services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler");
        builder.Services.AddSingleton<IContactStore, ContactStore>();
        builder.Services.AddSingleton<SignupStore>();
        builder.Services.AddSingleton<OutboxStore>();
        builder.Services.AddSingleton<OrganisationZones>();
        builder.Services.AddSingleton<RateGate>();
        builder.Services.AddSingleton<DispatcherIdentity>();
        builder.Services.AddScoped<OutboxDispatcher>();
        builder.Services.AddSingleton<AppointmentService>();
        builder.Services.AddSingleton<SessionReminders>();
        builder.Services.AddSingleton<SignupService>();
        builder.Services.AddSingleton<SignupQueries>();
        builder.Services.AddScoped<BroadcastService>();
        builder.Services.AddSingleton<SubscriptionStore>();
        return builder;
    }

    /// <summary>Quartz's own SQLite file beside the Reach database: SQLite serves one writer best.</summary>
    private static string QuartzFile(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Reach");
        var path = string.IsNullOrWhiteSpace(connectionString)
            ? Path.GetFullPath(configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.SqlitePath ?? new StorageOptions().SqlitePath)
            : Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return Path.ChangeExtension(path, ".quartz.db");
    }
}
