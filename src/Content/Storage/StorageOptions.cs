using System.ComponentModel.DataAnnotations;

namespace Reach.Content.Storage;

/// <summary>
/// Where Reach keeps its data. The embedded SQLite file is the default; naming a PostgreSQL server in
/// <c>ConnectionStrings:Reach</c> (a string with <c>Host=</c>) switches to it.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite database file, relative to the working folder. Default <c>data/reach.db</c>.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/reach.db";

    /// <summary>How long a SQLite writer waits for another one before failing. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
