using NodaTime;

namespace Reach.Content.Model;

public sealed record HolidayPeriod(HolidayKind Kind, LocalDate From, LocalDate To, LocalizedText Name)
{
    public bool Covers(LocalDate date) => date >= From && date <= To;
}
