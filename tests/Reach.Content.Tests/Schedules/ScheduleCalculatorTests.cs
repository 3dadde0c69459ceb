using NodaTime;
using Reach.Content.Model;
using Reach.Content.Schedules;

namespace Reach.Content.Tests.Schedules;

public class ScheduleCalculatorTests
{
    private static List<string> Openings(OrganisationContent content, string id, LocalDate from, LocalDate to) =>
        ScheduleCalculator.Openings(content, content.FindScheduled(id)!, from, to).Openings
            .Select(o => $"{o.Start:yyyy-MM-dd ddd HH:mm}-{o.End:HH:mm}{(o.IsCancelled ? " cancelled" : string.Empty)}")
            .ToList();

    [Fact]
    public void Weekly_rule_gives_every_matching_day_in_order()
    {
        var content = TestPacks.Read("""
            services:
              - id: desk
                title: {fr: "Permanence", en: "Desk"}
                access: walk-in
                hours:
                  - {days: [tue, thu], from: "09:00", to: "12:00"}
                  - {days: [tue], from: "13:30", to: "17:30"}
            """);

        Openings(content, "desk", new LocalDate(2026, 11, 23), new LocalDate(2026, 11, 29)).ShouldBe(
        [
            "2026-11-24 Tue 09:00-12:00",
            "2026-11-24 Tue 13:30-17:30",
            "2026-11-26 Thu 09:00-12:00",
        ]);
    }

    [Fact]
    public void Nth_weekday_of_the_month_gives_the_second_and_fourth_friday()
    {
        var content = TestPacks.Read("""
            services:
              - id: andenne
                title: {fr: "Andenne", en: "Andenne"}
                access: appointment
                hours:
                  - {days: [fri], weeks: [2, 4], from: "13:00", to: "16:00"}
            """);

        Openings(content, "andenne", new LocalDate(2027, 1, 1), new LocalDate(2027, 2, 28)).ShouldBe(
        [
            "2027-01-08 Fri 13:00-16:00",
            "2027-01-22 Fri 13:00-16:00",
            "2027-02-12 Fri 13:00-16:00",
            "2027-02-26 Fri 13:00-16:00",
        ]);

        // May 2027 starts on a Saturday: its Fridays are the 7th, 14th, 21st and 28th.
        Openings(content, "andenne", new LocalDate(2027, 5, 1), new LocalDate(2027, 5, 31)).ShouldBe(
        [
            "2027-05-14 Fri 13:00-16:00",
            "2027-05-28 Fri 13:00-16:00",
        ]);
    }

    [Fact]
    public void Last_weekday_of_the_month_is_week_minus_one()
    {
        var content = TestPacks.Read("""
            activities:
              - id: snack
                kind: meal
                title: {fr: "Goûter", en: "Snack"}
                schedule:
                  - {days: [sun], weeks: [-1], from: "16:00", to: "18:00"}
            """);

        Openings(content, "snack", new LocalDate(2027, 1, 1), new LocalDate(2027, 3, 31)).ShouldBe(
        [
            "2027-01-31 Sun 16:00-18:00",
            "2027-02-28 Sun 16:00-18:00",
            "2027-03-28 Sun 16:00-18:00",
        ]);
    }

    [Fact]
    public void Every_other_week_counts_from_the_week_of_the_start_date()
    {
        var content = TestPacks.Read("""
            services:
              - id: sambreville
                title: {fr: "Sambreville", en: "Sambreville"}
                access: appointment
                hours:
                  - {days: [mon], every: 2, starting: 2026-11-04, from: "13:00", to: "16:00"}
            """);

        // 4 Nov 2026 is a Wednesday: its week (Monday 2 Nov) is an "on" week, but 2 Nov is before the start.
        Openings(content, "sambreville", new LocalDate(2026, 11, 1), new LocalDate(2026, 12, 20)).ShouldBe(
        [
            "2026-11-16 Mon 13:00-16:00",
            "2026-11-30 Mon 13:00-16:00",
            "2026-12-14 Mon 13:00-16:00",
        ]);
    }

    [Fact]
    public void Seasonal_window_wraps_the_new_year()
    {
        var content = TestPacks.Read("""
            activities:
              - id: winter-restaurant
                kind: meal
                title: {fr: "Restaurant d'hiver", en: "Winter restaurant"}
                open_on_public_holidays: true
                schedule:
                  - {days: [mon], from: "12:00", to: "13:30", season: {from: "11-13", to: "03-15"}}
            """);

        Openings(content, "winter-restaurant", new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30)).ShouldBe(
        [
            "2026-11-16 Mon 12:00-13:30",
            "2026-11-23 Mon 12:00-13:30",
            "2026-11-30 Mon 12:00-13:30",
        ]);
        Openings(content, "winter-restaurant", new LocalDate(2027, 3, 1), new LocalDate(2027, 3, 31)).ShouldBe(
        [
            "2027-03-01 Mon 12:00-13:30",
            "2027-03-08 Mon 12:00-13:30",
            "2027-03-15 Mon 12:00-13:30",
        ]);
    }

    [Fact]
    public void Term_only_rules_skip_school_holidays_and_holidays_only_rules_keep_only_them()
    {
        var content = TestPacks.Read("""
            activities:
              - id: homework
                kind: group
                title: {fr: "École de devoirs", en: "Homework club"}
                schedule:
                  - {days: [mon], from: "15:30", to: "17:00", school: term-only}
              - id: kids-day
                kind: group
                title: {fr: "Journée des enfants", en: "Children's day"}
                schedule:
                  - {days: [wed], from: "09:00", to: "16:30", school: holidays-only}
            """);
        var from = new LocalDate(2026, 12, 14);
        var to = new LocalDate(2027, 1, 10);

        Openings(content, "homework", from, to).ShouldBe(["2026-12-14 Mon 15:30-17:00", "2027-01-04 Mon 15:30-17:00"]);
        Openings(content, "kids-day", from, to).ShouldBe(["2026-12-23 Wed 09:00-16:30", "2026-12-30 Wed 09:00-16:30"]);
    }

    [Fact]
    public void Closures_and_public_holidays_close_the_day_and_say_why()
    {
        var content = TestPacks.Read("""
            services:
              - id: desk
                title: {fr: "Permanence", en: "Desk"}
                access: both
                hours:
                  - {days: [tue, fri], from: "09:00", to: "12:00"}
                closures:
                  - {from: 2026-12-15, reason: {fr: "Formation de l'équipe", en: "Team training"}}
              - id: phone
                title: {fr: "Ligne", en: "Phone line"}
                access: on-request
                open_on_public_holidays: true
                hours:
                  - {days: [fri], from: "09:00", to: "17:00"}
            """);
        var desk = ScheduleCalculator.Openings(content, content.FindScheduled("desk")!, new LocalDate(2026, 12, 14), new LocalDate(2026, 12, 25));

        desk.Openings.Select(o => o.Date.ToString("yyyy-MM-dd", null)).ShouldBe(["2026-12-18", "2026-12-22"]);
        desk.Closed.Select(c => $"{c.Date:yyyy-MM-dd} {c.Reason.Get("en", "fr")}").ShouldBe(
            ["2026-12-15 Team training", "2026-12-25 Christmas Day"]);
        Openings(content, "phone", new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 25)).ShouldBe(["2026-12-25 Fri 09:00-17:00"]);
    }

    [Fact]
    public void Organisation_closures_apply_to_every_service()
    {
        var content = TestPacks.Read("""
            services:
              - id: desk
                title: {fr: "Permanence", en: "Desk"}
                access: both
                hours:
                  - {days: [mon, tue, wed, thu, fri], from: "09:00", to: "12:00"}
            """) is var c ? c with { Organisation = c.Organisation with { Closures = [new Closure(new LocalDate(2026, 12, 24), new LocalDate(2026, 12, 31), LocalizedText.Of("en", "Year-end closure"))] } } : null!;

        Openings(content, "desk", new LocalDate(2026, 12, 21), new LocalDate(2027, 1, 4)).ShouldBe(
        [
            "2026-12-21 Mon 09:00-12:00",
            "2026-12-22 Tue 09:00-12:00",
            "2026-12-23 Wed 09:00-12:00",
            "2027-01-04 Mon 09:00-12:00",
        ]);
    }

    [Fact]
    public void Dated_sessions_are_listed_with_cancellations_and_validity_windows_apply()
    {
        var content = TestPacks.Read("""
            activities:
              - id: outing
                kind: outing
                title: {fr: "Sortie", en: "Outing"}
                sessions:
                  - {id: outing-1, date: 2027-03-06, from: "10:00", to: "17:00", meeting_time: "09:15"}
                  - {id: outing-2, date: 2027-04-03, from: "10:00", to: "17:00", cancelled: {fr: "Grève des trains", en: "Train strike"}}
                  - {id: outing-3, date: 2027-05-08, from: "10:00", to: "17:00", moved_from: 2027-05-01}
              - id: yoga
                kind: group
                title: {fr: "Yoga", en: "Yoga"}
                valid_to: 2027-03-10
                schedule:
                  - {days: [thu], from: "09:30", to: "11:00", valid_from: 2027-03-01}
            """);

        var outing = ScheduleCalculator.Openings(content, content.FindScheduled("outing")!, new LocalDate(2027, 3, 1), new LocalDate(2027, 5, 31));
        outing.Openings.Select(o => $"{o.Session!.Id} {(o.IsCancelled ? o.CancelledReason!.Get("en", "fr") : "on")}")
            .ShouldBe(["outing-1 on", "outing-2 Train strike", "outing-3 on"]);
        outing.Openings[0].Session!.MeetingTime.ShouldBe(new LocalTime(9, 15));
        Openings(content, "yoga", new LocalDate(2027, 2, 20), new LocalDate(2027, 3, 31)).ShouldBe(["2027-03-04 Thu 09:30-11:00"]);
    }
}
