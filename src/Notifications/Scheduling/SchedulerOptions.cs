namespace Reach.Notifications.Scheduling;

/// <summary>The Quartz scheduler that sends reminders and broadcasts.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Starts the scheduler with the web host. Tests turn it off and run jobs directly. Default true.</summary>
    public bool Enabled { get; set; } = true;
}
