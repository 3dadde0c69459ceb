using NodaTime;

namespace Reach.Content.Model;

/// <summary>A window repeated every year, from a month-day to a month-day, which may wrap the new year.</summary>
public sealed record SeasonWindow(AnnualDate From, AnnualDate To)
{
    public bool Contains(LocalDate date)
    {
        var day = new AnnualDate(date.Month, date.Day);
        return From.CompareTo(To) <= 0
            ? day.CompareTo(From) >= 0 && day.CompareTo(To) <= 0
            : day.CompareTo(From) >= 0 || day.CompareTo(To) <= 0;
    }
}
