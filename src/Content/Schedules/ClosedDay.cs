using NodaTime;
using Reach.Content.Model;

namespace Reach.Content.Schedules;

/// <summary>A day on which a rule would have opened but a closure or a public holiday closes it.</summary>
public sealed record ClosedDay(LocalDate Date, LocalizedText Reason);
