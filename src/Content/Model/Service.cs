using NodaTime;

namespace Reach.Content.Model;

/// <summary>A desk or permanence with opening hours.</summary>
public sealed record Service(string Id, LocalizedText Title, Access Access) : IScheduledItem
{
    public LocalizedText? Summary { get; init; }

    public string? Site { get; init; }

    public IReadOnlyList<ScheduleRule> Hours { get; init; } = [];

    public LocalizedText? HoursNote { get; init; }

    public IReadOnlyList<Closure> Closures { get; init; } = [];

    public bool OpenOnPublicHolidays { get; init; }

    public IReadOnlyList<LocalizedText> Bring { get; init; } = [];

    public Contact Contact { get; init; } = Contact.None;

    public LocalizedList Keywords { get; init; } = LocalizedList.Empty;

    public LocalDate? ValidFrom { get; init; }

    public LocalDate? ValidTo { get; init; }

    public LocalDate? LastVerified { get; init; }

    public SourceRef? Source { get; init; }

    IReadOnlyList<ScheduleRule> IScheduledItem.Rules => Hours;

    IReadOnlyList<Session> IScheduledItem.Sessions => [];
}
