using NodaTime;
using Reach.Notifications.Appointments;
using Reach.Notifications.Delivery;

namespace Reach.Notifications.Tests.Delivery;

/// <summary>Sending the outbox with an injected clock: on time, once, not at night, never after STOP.</summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private OutboxFixture f = null!;

    public async ValueTask InitializeAsync() => f = await OutboxFixture.StartAsync();

    public async ValueTask DisposeAsync() => await f.DisposeAsync();

    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Friday 4 December 2026 at 10:00 in Brussels (09:00 UTC); the fixture's clock is Thursday 09:00.</summary>
    private async Task<Appointment> FridayAsync(string phone = "0470 12 34 56", string language = "ar", int hour = 10) =>
        (await f.Appointments.CreateAsync(new NewAppointment("sem", new LocalDateTime(2026, 12, 4, hour, 0), language) { Phone = phone, FirstName = "Amal" }, None))
            .Appointment.ShouldNotBeNull();

    private void At(int day, int hour, int minute = 0) => f.Clock.SetUtcNow(new DateTimeOffset(2026, 12, day, hour, minute, 0, TimeSpan.Zero));

    [Fact]
    public async Task Each_reminder_goes_once_at_its_time()
    {
        var appointment = await FridayAsync();
        (await f.MessagesAsync(appointment.Subject)).Select(m => (m.Step, DateTimeOffset.FromUnixTimeMilliseconds(m.DueMs).ToString("dd HH:mm", null)))
            .ShouldBe([("1d@18:00", "03 17:00"), ("2h", "04 07:00")]);

        (await f.RunAsync()).ShouldBe(0);
        At(3, 17);
        (await f.RunAsync()).ShouldBe(1);
        (await f.RunAsync()).ShouldBe(0);
        At(4, 7);
        (await f.RunAsync()).ShouldBe(1);
        (await f.RunAsync()).ShouldBe(0);

        f.Delivered.Select(d => (d.Channel, d.Address, d.Language, d.Text)).ShouldBe([
            ("sms", "+32470123456", "ar", "reminder appointment:1 1d@18:00"),
            ("sms", "+32470123456", "ar", "reminder appointment:1 2h"),
        ]);
        (await f.MessagesAsync(appointment.Subject)).Select(m => m.State).ShouldBe(["sent", "sent"]);
    }

    [Fact]
    public async Task Moving_an_appointment_replans_its_reminders_and_tells_the_person()
    {
        var appointment = await FridayAsync();

        var moved = (await f.Appointments.MoveAsync(appointment.Id, new LocalDateTime(2026, 12, 7, 14, 0), None)).Appointment.ShouldNotBeNull();

        moved.Revision.ShouldBe(2);
        (await f.MessagesAsync(appointment.Subject)).Select(m => (m.Key, m.State)).ShouldBe([
            ("appointment:1:r2:c1:moved", "planned"),
            ("appointment:1:r1:c1:1d@18:00", "cancelled"),
            ("appointment:1:r1:c1:2h", "cancelled"),
            ("appointment:1:r2:c1:1d@18:00", "planned"),
            ("appointment:1:r2:c1:2h", "planned"),
        ]);
        await f.RunAsync();
        f.Delivered.Select(d => d.Text).ShouldBe(["notice appointment:1 moved"]);
        At(3, 17);
        await f.RunAsync();
        f.Delivered.Count.ShouldBe(1, "the reminder of the old time is not sent");
    }

    [Fact]
    public async Task Cancelling_cancels_the_reminders_and_tells_the_person()
    {
        var appointment = await FridayAsync();

        (await f.Appointments.CancelAsync(appointment.Id, "staff", None)).Appointment!.Status.ShouldBe("cancelled");
        await f.RunAsync();
        At(3, 17);
        await f.RunAsync();
        At(4, 7);
        await f.RunAsync();

        f.Delivered.Select(d => d.Text).ShouldBe(["notice appointment:1 cancelled"]);
        (await f.MessagesAsync(appointment.Subject)).Select(m => m.State).ShouldBe(["sent", "cancelled", "cancelled"]);
    }

    [Fact]
    public async Task Past_times_are_refused_and_passed_steps_are_not_planned()
    {
        var past = await f.Appointments.CreateAsync(new NewAppointment("sem", new LocalDateTime(2026, 12, 3, 8, 30), "fr") { Phone = "0470123456" }, None);
        past.Error.ShouldBe("2026-12-03 08:30 has already passed.");

        // At 10:30 today: the day-before step has passed, and 08:30 (two hours before) too.
        var soon = (await f.Appointments.CreateAsync(new NewAppointment("sem", new LocalDateTime(2026, 12, 3, 10, 30), "fr") { Phone = "0470123456" }, None)).Appointment!;
        (await f.MessagesAsync(soon.Subject)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("0470 12 34 5", "0470 12 34 5 has 9 digits; a Belgian mobile has 10 digits, like 0470 12 34 56.")]
    [InlineData("02 511 22 33", "02 511 22 33 is a landline: it cannot receive SMS reminders. Give a mobile number (04…).")]
    public async Task A_number_that_cannot_get_reminders_is_refused_clearly(string phone, string error)
    {
        var result = await f.Appointments.CreateAsync(new NewAppointment("sem", new LocalDateTime(2026, 12, 4, 10, 0), "fr") { Phone = phone }, None);

        result.Appointment.ShouldBeNull();
        result.Error.ShouldBe(error);
    }

    [Fact]
    public async Task After_downtime_a_reminder_late_by_less_than_two_hours_is_sent()
    {
        await FridayAsync();
        At(3, 18, 30);

        (await f.RunAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task After_downtime_an_older_reminder_is_dropped_and_listed_for_staff()
    {
        var appointment = await FridayAsync();
        At(3, 19, 30);

        (await f.RunAsync()).ShouldBe(0);

        f.Delivered.ShouldBeEmpty();
        var dropped = (await f.Outbox.DroppedAsync("sem", 10, None)).Single();
        dropped.Subject.ShouldBe(appointment.Subject);
        dropped.Reason.ShouldBe("missed by 150 minutes, more than the 120 allowed");
    }

    [Fact]
    public async Task A_late_message_in_quiet_hours_waits_for_the_morning()
    {
        f.Reminders.MaxLateness = TimeSpan.FromDays(1);
        await FridayAsync();
        At(3, 20, 30); // 21:30 in Brussels

        (await f.RunAsync()).ShouldBe(0);
        var waiting = (await f.MessagesAsync("appointment:1"))[0];
        waiting.State.ShouldBe("planned");
        DateTimeOffset.FromUnixTimeMilliseconds(waiting.DueMs).ShouldBe(new DateTimeOffset(2026, 12, 4, 7, 0, 0, TimeSpan.Zero));

        At(4, 7);
        (await f.RunAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task A_reminder_whose_event_has_started_is_dropped()
    {
        f.Reminders.MaxLateness = TimeSpan.FromDays(1);
        await FridayAsync();
        At(4, 9, 5);

        (await f.RunAsync()).ShouldBe(0);
        (await f.MessagesAsync("appointment:1")).Select(m => m.Reason).ShouldBe(["the event has already started", "the event has already started"]);
    }

    [Fact]
    public async Task Opting_out_stops_messages_already_queued()
    {
        var appointment = await FridayAsync();
        var person = (await f.Contacts.FindAsync(appointment.ContactId, None))!;
        await f.Contacts.SaveAsync(person with { OptedOut = true }, None);

        At(3, 17);
        (await f.RunAsync()).ShouldBe(0);

        f.Delivered.ShouldBeEmpty();
        (await f.MessagesAsync(appointment.Subject))[0].State.ShouldBe("suppressed");
    }

    [Fact]
    public async Task Stop_on_whatsapp_also_stops_sms_to_the_same_number()
    {
        var appointment = await FridayAsync();
        var whatsapp = await f.PersonAsync("+32470123456", "whatsapp");
        await f.Contacts.SaveAsync(whatsapp with { OptedOut = true }, None);

        At(3, 17);
        await f.RunAsync();

        f.Delivered.ShouldBeEmpty();
        (await f.MessagesAsync(appointment.Subject))[0].State.ShouldBe("suppressed");
    }

    [Fact]
    public async Task WhatsApp_first_for_people_who_use_it_then_sms_on_a_permanent_failure()
    {
        await f.PersonAsync("+32470123456", "whatsapp");
        var appointment = await FridayAsync();
        f.WhatsApp.Answer(new DeliveryResult(DeliveryOutcome.Permanent, Reason: "error 63003"));

        At(3, 17);
        (await f.RunAsync()).ShouldBe(1);

        f.Delivered.Select(d => d.Channel).ShouldBe(["sms"]);
        var sent = (await f.MessagesAsync(appointment.Subject))[0];
        (sent.State, sent.Channel, sent.Tried).ShouldBe(("sent", "sms", "whatsapp"));
    }

    [Fact]
    public async Task Transient_errors_are_retried_with_backoff_then_given_up()
    {
        f.Delivery.MaxAttempts = 3;
        var appointment = await FridayAsync();
        f.Sms.Answer(
            new DeliveryResult(DeliveryOutcome.Transient, Reason: "503 error 0"),
            new DeliveryResult(DeliveryOutcome.Transient, RetryAfter: TimeSpan.FromSeconds(5), Reason: "429 error 20429"),
            new DeliveryResult(DeliveryOutcome.Transient, Reason: "503 error 0"));

        At(3, 17);
        await f.RunAsync();
        var first = (await f.MessagesAsync(appointment.Subject))[0];
        (first.State, first.Attempts, first.DueMs - f.Clock.GetUtcNow().ToUnixTimeMilliseconds()).ShouldBe(("planned", 1, 30_000));

        f.Clock.Advance(TimeSpan.FromSeconds(30));
        await f.RunAsync();
        var second = (await f.MessagesAsync(appointment.Subject))[0];
        (second.Attempts, second.DueMs - f.Clock.GetUtcNow().ToUnixTimeMilliseconds()).ShouldBe((2, 5_000), "429 waits what the provider asked");

        f.Clock.Advance(TimeSpan.FromSeconds(5));
        await f.RunAsync();
        var last = (await f.MessagesAsync(appointment.Subject))[0];
        (last.State, last.Reason).ShouldBe(("failed", "gave up after 3 attempts: 503 error 0"));
        f.Delivered.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unsubscribed_recipient_is_marked_and_nothing_more_is_tried()
    {
        var appointment = await FridayAsync();
        f.Sms.Answer(new DeliveryResult(DeliveryOutcome.Unreachable, Reason: "unsubscribed recipient (21610)"));

        At(3, 17);
        await f.RunAsync();

        (await f.MessagesAsync(appointment.Subject)).Select(m => (m.State, m.Reason)).ShouldBe([
            ("failed", "sms: unsubscribed recipient (21610)"),
            ("suppressed", "the person opted out"),
        ]);
        (await f.Contacts.FindAsync(appointment.ContactId, None))!.OptedOut.ShouldBeTrue();
    }

    [Theory]
    [InlineData(true, "sent", 0)]
    [InlineData(false, "sent", 1)]
    [InlineData(null, "failed", 0)]
    public async Task A_send_left_half_done_by_a_stopped_process_is_checked_with_the_provider(bool? providerKnows, string state, int sentAgain)
    {
        var appointment = await FridayAsync();
        var other = f.Dispatcher(new DispatcherIdentity());
        await other.RunAsync(None); // its first run is over: from now on only expired leases are its business
        At(3, 17);
        var crashed = new DispatcherIdentity();
        var id = (await f.MessagesAsync(appointment.Subject))[0].Id;
        (await f.Outbox.ClaimAsync(id, crashed.Id, (f.Clock.GetUtcNow() + f.Delivery.Lease).ToUnixTimeMilliseconds(), None)).ShouldNotBeNull();
        (await f.Outbox.StartSendingAsync(id, crashed.Id, "sms", "reminder appointment:1 1d@18:00", None)).ShouldBeTrue();
        f.Sms.ProviderKnows = providerKnows;

        // Another process, while the lease holds: nothing is touched.
        f.Clock.Advance(TimeSpan.FromSeconds(30));
        await other.RunAsync(None);
        f.Delivered.ShouldBeEmpty();
        (await f.Outbox.FindAsync(id, None))!.State.ShouldBe("sending");

        f.Clock.Advance(f.Delivery.Lease);
        await other.RunAsync(None);

        (await f.Outbox.FindAsync(id, None))!.State.ShouldBe(state);
        f.Delivered.Count.ShouldBe(sentAgain);
    }

    [Fact]
    public async Task With_sqlite_a_restarted_process_checks_what_the_previous_one_left_sending_at_once()
    {
        var appointment = await FridayAsync();
        At(3, 17);
        var crashed = new DispatcherIdentity();
        var id = (await f.MessagesAsync(appointment.Subject))[0].Id;
        await f.Outbox.ClaimAsync(id, crashed.Id, (f.Clock.GetUtcNow() + f.Delivery.Lease).ToUnixTimeMilliseconds(), None);
        await f.Outbox.StartSendingAsync(id, crashed.Id, "sms", "reminder appointment:1 1d@18:00", None);
        f.Sms.ProviderKnows = false;

        await f.Dispatcher(new DispatcherIdentity()).RunAsync(None);

        (await f.Outbox.FindAsync(id, None))!.State.ShouldBe("sent");
        f.Delivered.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_process_that_dies_while_checking_does_not_narrow_the_next_check()
    {
        var appointment = await FridayAsync();
        At(3, 17);
        var sentAt = f.Clock.GetUtcNow();
        var crashed = new DispatcherIdentity();
        var id = (await f.MessagesAsync(appointment.Subject))[0].Id;
        await f.Outbox.ClaimAsync(id, crashed.Id, (f.Clock.GetUtcNow() + f.Delivery.Lease).ToUnixTimeMilliseconds(), None);
        await f.Outbox.StartSendingAsync(id, crashed.Id, "sms", "reminder appointment:1 1d@18:00", None);

        // A second process takes it over three minutes later and dies before it could check.
        f.Clock.Advance(TimeSpan.FromMinutes(3));
        var stale = (await f.Outbox.FindAsync(id, None))!;
        (await f.Outbox.TakeOverAsync(id, stale.LeaseMs!.Value, "second", (f.Clock.GetUtcNow() + f.Delivery.Lease).ToUnixTimeMilliseconds(), None)).ShouldBeTrue();

        f.Clock.Advance(f.Delivery.Lease + TimeSpan.FromSeconds(1));
        f.Sms.ProviderKnows = true;
        var third = f.Dispatcher(new DispatcherIdentity());
        await third.RunAsync(None);

        f.Sms.CheckedSince.ShouldBe(sentAt - TimeSpan.FromMinutes(1), "the check looks back to when the send started");
        (await f.Outbox.FindAsync(id, None))!.State.ShouldBe("sent");
        f.Delivered.ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_senders_at_once_send_each_message_once()
    {
        for (var i = 0; i < 60; i++)
        {
            var person = await f.PersonAsync($"+3247000{i:D4}");
            await f.Subscriptions.SubscribeAsync(person.Id, "news", None);
        }

        await f.Outbox.PlanAsync(
            [.. Enumerable.Range(1, 60).Select(i => new PlannedMessage($"test:{i}", "sem", i, "broadcast", "broadcast:test", "send", "fr", f.Clock.GetUtcNow().ToUnixTimeMilliseconds()) { Text = "Bonjour" })],
            None);

        var runs = await Task.WhenAll(f.Dispatcher(new DispatcherIdentity()).RunAsync(None), f.Dispatcher(new DispatcherIdentity()).RunAsync(None));

        runs.Sum().ShouldBe(60);
        f.Delivered.Select(d => d.Address).Distinct().Count().ShouldBe(60);
        f.Delivered.Count.ShouldBe(60);
    }

    [Fact]
    public async Task Status_callbacks_only_move_a_message_forward()
    {
        var appointment = await FridayAsync();
        At(3, 17);
        await f.RunAsync();
        var sent = (await f.MessagesAsync(appointment.Subject))[0];
        sent.ProviderId.ShouldBe("sms-1");

        (await f.Outbox.ReportAsync("sms-1", "delivered", null, None))!.State.ShouldBe("delivered");
        (await f.Outbox.ReportAsync("sms-1", "failed", "Twilio: undelivered, error 30003", None))!.State.ShouldBe("delivered");
        (await f.Outbox.ReportAsync("unknown", "delivered", null, None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_channel_without_credentials_keeps_the_message_and_says_it_was_not_sent()
    {
        f.Sms.IsConfigured = false;
        f.Sms.Answer(new DeliveryResult(DeliveryOutcome.NotConfigured));
        var appointment = await FridayAsync();

        At(3, 17);
        await f.RunAsync();

        var message = (await f.MessagesAsync(appointment.Subject))[0];
        (message.State, message.Reason).ShouldBe(("failed", "not sent: no sms credentials (kept in the local outbox)"));
    }
}
