using NodaTime;
using NodaTime.Text;
using Reach.Notifications.Reminders;

namespace Reach.Notifications.Tests.Reminders;

/// <summary>Reminder times in Europe/Brussels, across both daylight-saving changes of 2026, and quiet hours.</summary>
public class ReminderPlannerTests
{
    private static readonly DateTimeZone Brussels = DateTimeZoneProviders.Tzdb["Europe/Brussels"];
    private static readonly Instant LongAgo = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static Instant Local(string text) =>
        Brussels.AtStrictly(LocalDateTimePattern.ExtendedIso.Parse(text).Value).ToInstant();

    private static ReminderStep Step(string text) => ReminderStep.Parse(text, out _).ShouldNotBeNull();

    private static string Utc(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    [Theory]
    // Spring forward (Sunday 29 March 2026, 02:00 CET -> 03:00 CEST): the day before at 18:00 is still 18:00 local.
    [InlineData("2026-03-30T10:00:00", "1d@18:00", "2026-03-29T16:00:00Z")]
    [InlineData("2026-03-30T10:00:00", "2h", "2026-03-30T06:00:00Z")]
    [InlineData("2026-03-29T10:00:00", "1d@18:00", "2026-03-28T17:00:00Z")]
    // Fall back (Sunday 25 October 2026, 03:00 CEST -> 02:00 CET).
    [InlineData("2026-10-26T09:00:00", "1d@18:00", "2026-10-25T17:00:00Z")]
    [InlineData("2026-10-25T18:00:00", "1d@18:00", "2026-10-24T16:00:00Z")]
    [InlineData("2026-10-25T12:00:00", "2h", "2026-10-25T09:00:00Z")]
    public void Steps_fall_at_local_times_across_daylight_saving(string appointment, string step, string expected)
    {
        var plan = ReminderPlanner.Plan(Local(appointment), Brussels, [Step(step)], QuietHours.Default, LongAgo);

        plan.Single().Skipped.ShouldBeNull();
        Utc(plan.Single().Due).ShouldBe(expected);
    }

    [Fact]
    public void Two_hours_before_is_two_real_hours_over_the_spring_gap()
    {
        // 04:00 CEST on 29 March is 02:00 UTC; two hours earlier is 00:00 UTC = 01:00 CET (quiet, so deferred to 08:00).
        var due = Step("2h").DueFor(Local("2026-03-29T04:00:00"), Brussels);

        Utc(due).ShouldBe("2026-03-29T00:00:00Z");
    }

    [Fact]
    public void A_local_time_that_does_not_exist_moves_forward_by_the_gap()
    {
        // 02:30 on 29 March 2026 does not exist in Brussels: it becomes 03:30 CEST.
        var due = Step("1d@02:30").DueFor(Local("2026-03-30T10:00:00"), Brussels);

        Utc(due).ShouldBe("2026-03-29T01:30:00Z");
    }

    [Fact]
    public void A_reminder_in_quiet_hours_waits_for_the_morning()
    {
        // An appointment at 09:30: two hours before is 07:30, in the quiet hours; it goes at 08:00.
        var plan = ReminderPlanner.Plan(Local("2026-12-04T09:30:00"), Brussels, [Step("2h")], QuietHours.Default, LongAgo);

        Utc(plan.Single().Due).ShouldBe("2026-12-04T07:00:00Z");
        plan.Single().Skipped.ShouldBeNull();
    }

    [Fact]
    public void A_reminder_that_would_wait_until_after_the_event_is_not_planned()
    {
        // At 07:45 the event starts before the quiet hours end.
        var plan = ReminderPlanner.Plan(Local("2026-12-04T07:45:00"), Brussels, [Step("2h")], QuietHours.Default, LongAgo);

        plan.Single().Skipped.ShouldBe("it would arrive after the event starts");
    }

    [Fact]
    public void A_step_whose_time_has_passed_is_not_planned()
    {
        var now = Local("2026-12-03T19:00:00");
        var plan = ReminderPlanner.Plan(Local("2026-12-04T10:00:00"), Brussels, [Step("1d@18:00"), Step("2h")], QuietHours.Default, now);

        plan[0].Skipped.ShouldBe("its time has already passed");
        plan[1].Skipped.ShouldBeNull();
        Utc(plan[1].Due).ShouldBe("2026-12-04T07:00:00Z");
    }

    [Theory]
    [InlineData("20:59", false)]
    [InlineData("21:00", true)]
    [InlineData("23:59", true)]
    [InlineData("00:00", true)]
    [InlineData("07:59", true)]
    [InlineData("08:00", false)]
    [InlineData("12:00", false)]
    public void Quiet_hours_wrap_around_midnight(string time, bool quiet) =>
        QuietHours.Default.IsQuiet(LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(time).Value).ShouldBe(quiet);

    [Theory]
    [InlineData("2026-12-03T22:15:00", "2026-12-04T07:00:00Z")]
    [InlineData("2026-12-04T06:10:00", "2026-12-04T07:00:00Z")]
    [InlineData("2026-12-04T10:00:00", "2026-12-04T09:00:00Z")]
    // The night of the autumn change: 08:00 CET the next morning.
    [InlineData("2026-10-24T23:00:00", "2026-10-25T07:00:00Z")]
    public void Quiet_hours_defer_to_eight_in_the_morning(string at, string expected) =>
        Utc(QuietHours.Default.Defer(Local(at), Brussels)).ShouldBe(expected);

    [Theory]
    [InlineData("1d@18:00", 1, "18:00", 0)]
    [InlineData("0d@08:00", 0, "08:00", 0)]
    [InlineData("2h", 0, null, 120)]
    [InlineData("30m", 0, null, 30)]
    public void Steps_are_read_as_written(string text, int days, string? at, int minutes)
    {
        var step = Step(text);

        step.DaysBefore.ShouldBe(days);
        step.At?.ToString("HH:mm", null).ShouldBe(at);
        step.Before.ShouldBe(Duration.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("tomorrow", "'tomorrow' is not a reminder step; write '1d@18:00' (the day before at 18:00), '2h' (two hours before) or '30m'.")]
    [InlineData("1d@25:00", "'1d@25:00': days before must be 0 to 30 and the time a valid HH:mm.")]
    [InlineData("0h", "'0h': an offset must be more than 0 and at most 30 days.")]
    public void A_wrong_step_is_refused_with_what_is_wrong(string text, string message)
    {
        ReminderStep.Parse(text, out var error).ShouldBeNull();
        error.ShouldBe(message);
    }

    [Fact]
    public void Wrong_settings_are_named_at_startup()
    {
        var options = new ReminderOptions { QuietFrom = "9pm", Plans = { ["appointment"] = ["1d@18:00", "soon"], ["meeting"] = ["2h"] } };

        var result = new ValidateReminderOptions().Validate(null, options);

        result.Failures.ShouldBe([
            "Reminders:QuietFrom '9pm' is not a time of day like 21:00.",
            "Reminders:Plans:appointment: 'soon' is not a reminder step; write '1d@18:00' (the day before at 18:00), '2h' (two hours before) or '30m'.",
            "Reminders:Plans:meeting is not a kind; use appointment, workshop or outing.",
        ]);
    }
}
