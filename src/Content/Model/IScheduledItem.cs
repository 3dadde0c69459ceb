using NodaTime;

namespace Reach.Content.Model;

/// <summary>What services and activities share for opening-hour computations.</summary>
public interface IScheduledItem
{
    string Id { get; }

    LocalizedText Title { get; }

    string? Site { get; }

    IReadOnlyList<ScheduleRule> Rules { get; }

    IReadOnlyList<Closure> Closures { get; }

    IReadOnlyList<Session> Sessions { get; }

    bool OpenOnPublicHolidays { get; }

    LocalDate? ValidFrom { get; }

    LocalDate? ValidTo { get; }
}
