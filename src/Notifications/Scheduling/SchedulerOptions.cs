namespace Reach.Notifications.Scheduling;

/// <summary>The Quartz scheduler that sends reminders and broadcasts.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Starts the scheduler with the web host. Tests turn it off and run jobs directly. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where Quartz keeps its jobs and triggers: <c>database</c> (default; PostgreSQL when Reach uses it, clustered,
    /// else a SQLite file beside the Reach database) or <c>memory</c>. Quartz creates its tables when missing.
    /// </summary>
    public string Store { get; set; } = "database";
}
