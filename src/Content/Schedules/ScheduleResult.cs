namespace Reach.Content.Schedules;

/// <summary>The openings of one item over a date range, in start order, and the days it is closed.</summary>
public sealed record ScheduleResult(IReadOnlyList<Opening> Openings, IReadOnlyList<ClosedDay> Closed);
