using NodaTime;
using Reach.Content.Model;
using Reach.Content.Schedules;

namespace Reach.Content.Tests.Schedules;

/// <summary>The daylight-saving weekends of 2026 and 2027 in Europe/Brussels.</summary>
public class DaylightSavingTests
{
    private static readonly OrganisationContent Content = TestPacks.Read("""
        activities:
          - id: night-shelter
            kind: other
            title: {fr: "Accueil de nuit", en: "Night welcome"}
            open_on_public_holidays: true
            schedule:
              - {days: [sat, sun, mon], from: "02:30", to: "04:00"}
          - id: snack
            kind: meal
            title: {fr: "Goûter", en: "Snack"}
            open_on_public_holidays: true
            schedule:
              - {days: [sat, sun, mon], from: "16:00", to: "18:00"}
        """);

    private static List<string> Instants(string id, LocalDate from, LocalDate to) =>
        ScheduleCalculator.Openings(Content, Content.FindScheduled(id)!, from, to).Openings
            .Select(o => $"{o.Start:yyyy-MM-dd HH:mmo<g>}/{o.End:HH:mmo<g>} = {o.Start.ToInstant():HH:mm}Z")
            .ToList();

    [Theory]
    [InlineData(2026, 3, 28)]
    [InlineData(2027, 3, 27)]
    public void Spring_forward_keeps_wall_clock_times_and_changes_the_offset(int year, int month, int saturday)
    {
        var sat = new LocalDate(year, month, saturday);
        Instants("snack", sat, sat.PlusDays(2)).ShouldBe(
        [
            $"{sat:yyyy-MM-dd} 16:00+01/18:00+01 = 15:00Z",
            $"{sat.PlusDays(1):yyyy-MM-dd} 16:00+02/18:00+02 = 14:00Z",
            $"{sat.PlusDays(2):yyyy-MM-dd} 16:00+02/18:00+02 = 14:00Z",
        ]);
    }

    [Theory]
    [InlineData(2026, 10, 24)]
    [InlineData(2027, 10, 30)]
    public void Fall_back_keeps_wall_clock_times_and_changes_the_offset(int year, int month, int saturday)
    {
        var sat = new LocalDate(year, month, saturday);
        Instants("snack", sat, sat.PlusDays(1)).ShouldBe(
        [
            $"{sat:yyyy-MM-dd} 16:00+02/18:00+02 = 14:00Z",
            $"{sat.PlusDays(1):yyyy-MM-dd} 16:00+01/18:00+01 = 15:00Z",
        ]);
    }

    [Theory]
    [InlineData(2026, 3, 29)]
    [InlineData(2027, 3, 28)]
    public void A_time_in_the_spring_gap_is_shifted_forward_by_the_gap(int year, int month, int sunday)
    {
        var day = new LocalDate(year, month, sunday);
        Instants("night-shelter", day, day).ShouldBe([$"{day:yyyy-MM-dd} 03:30+02/04:00+02 = 01:30Z"]);
    }

    [Theory]
    [InlineData(2026, 10, 25)]
    [InlineData(2027, 10, 31)]
    public void An_ambiguous_time_in_the_autumn_overlap_is_the_earlier_one(int year, int month, int sunday)
    {
        var day = new LocalDate(year, month, sunday);
        Instants("night-shelter", day, day).ShouldBe([$"{day:yyyy-MM-dd} 02:30+02/04:00+01 = 00:30Z"]);
    }

    [Fact]
    public void Fourteen_days_across_the_change_give_concrete_local_intervals()
    {
        var openings = ScheduleCalculator.Openings(Content, Content.FindScheduled("snack")!, new LocalDate(2026, 10, 19), new LocalDate(2026, 11, 1)).Openings;

        openings.Count.ShouldBe(6);
        openings.ShouldAllBe(o => o.Start.TimeOfDay == new LocalTime(16, 0) && o.End.TimeOfDay == new LocalTime(18, 0));
        openings.Select(o => o.Start.Offset.Seconds / 3600).ShouldBe([2, 2, 1, 1, 1, 1]);
    }
}
