namespace Reach.Content.Model;

/// <summary>A workshop, course, meal, group, outing or event, recurring and/or in dated sessions.</summary>
public sealed record Activity(string Id, ActivityKind Kind, LocalizedText Title) : ScheduledItem(Id, Title), IScheduledItem
{
    public LocalizedText? Description { get; init; }

    public LocalizedText? MeetingPoint { get; init; }

    public IReadOnlyList<ScheduleRule> Schedule { get; init; } = [];

    public IReadOnlyList<Session> Sessions { get; init; } = [];

    public SignupRules? Signup { get; init; }

    public LocalizedText? Price { get; init; }

    public LocalizedText? Audience { get; init; }

    public bool Article27 { get; init; }

    IReadOnlyList<ScheduleRule> IScheduledItem.Rules => Schedule;
}
