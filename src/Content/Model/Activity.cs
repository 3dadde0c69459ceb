using NodaTime;

namespace Reach.Content.Model;

/// <summary>A workshop, course, meal, group, outing or event, recurring and/or in dated sessions.</summary>
public sealed record Activity(string Id, ActivityKind Kind, LocalizedText Title) : IScheduledItem
{
    public LocalizedText? Description { get; init; }

    public string? Site { get; init; }

    public LocalizedText? MeetingPoint { get; init; }

    public IReadOnlyList<ScheduleRule> Schedule { get; init; } = [];

    public IReadOnlyList<Session> Sessions { get; init; } = [];

    public IReadOnlyList<Closure> Closures { get; init; } = [];

    public bool OpenOnPublicHolidays { get; init; }

    public SignupRules? Signup { get; init; }

    public LocalizedText? Price { get; init; }

    public LocalizedText? Audience { get; init; }

    public bool Article27 { get; init; }

    public IReadOnlyList<LocalizedText> Bring { get; init; } = [];

    public Contact Contact { get; init; } = Contact.None;

    public LocalizedList Keywords { get; init; } = LocalizedList.Empty;

    public LocalDate? ValidFrom { get; init; }

    public LocalDate? ValidTo { get; init; }

    public LocalDate? LastVerified { get; init; }

    public SourceRef? Source { get; init; }

    IReadOnlyList<ScheduleRule> IScheduledItem.Rules => Schedule;
}
