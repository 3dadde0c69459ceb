using NodaTime;

namespace Reach.Content.Model;

/// <summary>
/// One weekly time slot in local time, narrowed by optional conditions that all apply together:
/// nth weekdays of the month, every N weeks from a start date, a yearly season, a validity window
/// and term time or school holidays.
/// </summary>
public sealed record ScheduleRule(
    IReadOnlyList<IsoDayOfWeek> Days,
    LocalTime From,
    LocalTime To)
{
    /// <summary>Weeks of the month: 1 to 5, or -1 for the last such weekday. Empty: every week.</summary>
    public IReadOnlyList<int> Weeks { get; init; } = [];

    /// <summary>Every N weeks counted from the week of <see cref="Starting"/>; 1 = every week.</summary>
    public int Every { get; init; } = 1;

    public LocalDate? Starting { get; init; }

    public SeasonWindow? Season { get; init; }

    public LocalDate? ValidFrom { get; init; }

    public LocalDate? ValidTo { get; init; }

    public SchoolFilter School { get; init; } = SchoolFilter.Any;

    public string? Site { get; init; }

    public LocalizedText? Note { get; init; }
}
