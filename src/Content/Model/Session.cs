using NodaTime;

namespace Reach.Content.Model;

/// <summary>One dated occurrence of an activity.</summary>
public sealed record Session(string Id, LocalDate Date, LocalTime From, LocalTime To)
{
    public string? Site { get; init; }

    public LocalizedText? MeetingPoint { get; init; }

    public LocalTime? MeetingTime { get; init; }

    public int? Capacity { get; init; }

    public LocalizedText? Price { get; init; }

    public LocalizedText? Note { get; init; }

    /// <summary>The reason, when the session is cancelled.</summary>
    public LocalizedText? Cancelled { get; init; }

    public LocalDate? MovedFrom { get; init; }

    public SourceRef? Source { get; init; }
}
