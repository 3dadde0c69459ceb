namespace Reach.Content.Model;

/// <summary>A named calendar of school holidays and public holidays.</summary>
public sealed record HolidayCalendar(string Id, LocalizedText Name, IReadOnlyList<HolidayPeriod> Periods)
{
    public SourceRef? Source { get; init; }
}
