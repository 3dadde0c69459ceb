using NodaTime;

namespace Reach.Content.Model;

/// <summary>Whole days (both included) on which something is closed, with the reason to tell people.</summary>
public sealed record Closure(LocalDate From, LocalDate To, LocalizedText Reason)
{
    public bool Covers(LocalDate date) => date >= From && date <= To;
}
