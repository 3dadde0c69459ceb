namespace Reach.Content.Model;

/// <summary>A desk or permanence with opening hours.</summary>
public sealed record Service(string Id, LocalizedText Title, Access Access) : ScheduledItem(Id, Title), IScheduledItem
{
    public LocalizedText? Summary { get; init; }

    public IReadOnlyList<ScheduleRule> Hours { get; init; } = [];

    public LocalizedText? HoursNote { get; init; }

    IReadOnlyList<ScheduleRule> IScheduledItem.Rules => Hours;

    IReadOnlyList<Session> IScheduledItem.Sessions => [];
}
