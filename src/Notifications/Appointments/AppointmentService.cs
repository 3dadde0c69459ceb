using Dapper;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.TimeZones;
using Reach.Content.Storage;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Notifications.Reminders;

namespace Reach.Notifications.Appointments;

/// <summary>
/// Appointments and their reminders: creating one plans its reminders, moving it plans them again for the
/// new time (and tells the person), cancelling cancels them (and tells the person), a reply confirms or cancels.
/// </summary>
public sealed class AppointmentService(
    ReachDatabase database,
    IContactStore contacts,
    OutboxStore outbox,
    OrganisationZones zones,
    IOptionsMonitor<ReminderOptions> reminderOptions,
    TimeProvider timeProvider)
{
    private const string Columns = """
        id AS Id, organisation_id AS OrganisationId, contact_id AS ContactId, first_name AS FirstName, language AS Language,
        service_id AS ServiceId, site_id AS SiteId, staff AS Staff, notes AS Notes, starts_at AS StartsAt, revision AS Revision,
        status AS Status, outcome AS Outcome, cancelled_by AS CancelledBy
        """;

    public async Task<AppointmentResult> CreateAsync(NewAppointment request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Contact? contact;
        if (request.ContactId is { } contactId)
        {
            contact = await contacts.FindAsync(contactId, cancellationToken);
            if (contact is null || contact.OrganisationId != request.OrganisationId)
            {
                return AppointmentResult.Refused($"There is no person {contactId} in this organisation.");
            }
        }
        else
        {
            var phone = PhoneNumber.Normalize(request.Phone);
            if (!phone.IsValid)
            {
                return AppointmentResult.Refused(phone.Error!);
            }

            if (phone.Kind == PhoneNumberKind.FixedLine)
            {
                return AppointmentResult.Refused($"{request.Phone!.Trim()} is a landline: it cannot receive SMS reminders. Give a mobile number (04…).");
            }

            contact = await contacts.GetOrCreateAsync(request.OrganisationId, "sms", phone.E164, request.FirstName, cancellationToken);
            if (contact.Language is null)
            {
                // Until the person chooses, Reach speaks to this phone in the language staff noted.
                contact = contact with { Language = request.Language };
                await contacts.SaveAsync(contact, cancellationToken);
            }
        }

        var zone = await zones.ZoneAsync(request.OrganisationId, cancellationToken);
        var startsAt = zone.ResolveLocal(request.Start, Resolvers.LenientResolver).ToInstant();
        if (startsAt <= Now())
        {
            return AppointmentResult.Refused($"{request.Start:yyyy-MM-dd HH:mm} has already passed.");
        }

        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO appointments (organisation_id, contact_id, first_name, language, service_id, site_id, staff, notes, starts_at, status, created_at, updated_at)
            VALUES (@OrganisationId, @contactId, @FirstName, @Language, @ServiceId, @SiteId, @Staff, @Notes, @startsAt, 'booked', @now, @now)
            RETURNING id
            """,
            new { request.OrganisationId, contactId = contact.Id, request.FirstName, request.Language, request.ServiceId, request.SiteId, request.Staff, request.Notes, startsAt = startsAt.ToDateTimeOffset(), now });
        var appointment = (await FindAsync(id, cancellationToken))!;
        await PlanRemindersAsync(appointment, zone, cancellationToken);
        return new AppointmentResult(appointment, null);
    }

    /// <summary>Moves an appointment: earlier reminders are cancelled, new ones planned, and the person is told.</summary>
    public async Task<AppointmentResult> MoveAsync(long id, LocalDateTime start, CancellationToken cancellationToken)
    {
        var appointment = await FindAsync(id, cancellationToken);
        if (appointment is null || appointment.Status == AppointmentStatus.Cancelled)
        {
            return AppointmentResult.Refused(appointment is null ? $"There is no appointment {id}." : "A cancelled appointment cannot be moved; create a new one.");
        }

        var zone = await zones.ZoneAsync(appointment.OrganisationId, cancellationToken);
        var startsAt = zone.ResolveLocal(start, Resolvers.LenientResolver).ToInstant();
        if (startsAt <= Now())
        {
            return AppointmentResult.Refused($"{start:yyyy-MM-dd HH:mm} has already passed.");
        }

        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(
                "UPDATE appointments SET starts_at = @startsAt, revision = revision + 1, status = 'booked', replied_at = NULL, updated_at = @now WHERE id = @id",
                new { id, startsAt = startsAt.ToDateTimeOffset(), now = timeProvider.GetUtcNow() });
        }

        await outbox.CancelAsync(appointment.Subject, null, "the appointment was moved", cancellationToken);
        var moved = (await FindAsync(id, cancellationToken))!;
        await NoticeAsync(moved, "moved", startsAt, cancellationToken);
        await PlanRemindersAsync(moved, zone, cancellationToken);
        return new AppointmentResult(moved, null);
    }

    /// <summary>Cancels an appointment and its reminders; the person is told when staff cancelled it.</summary>
    public async Task<AppointmentResult> CancelAsync(long id, string by, CancellationToken cancellationToken)
    {
        var appointment = await FindAsync(id, cancellationToken);
        if (appointment is null)
        {
            return AppointmentResult.Refused($"There is no appointment {id}.");
        }

        if (appointment.Status == AppointmentStatus.Cancelled)
        {
            return new AppointmentResult(appointment, null);
        }

        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(
                "UPDATE appointments SET status = 'cancelled', cancelled_by = @by, replied_at = CASE WHEN @by = 'person' THEN @now ELSE replied_at END, updated_at = @now WHERE id = @id",
                new { id, by, now = timeProvider.GetUtcNow() });
        }

        await outbox.CancelAsync(appointment.Subject, null, "the appointment was cancelled", cancellationToken);
        var cancelled = (await FindAsync(id, cancellationToken))!;
        if (by == "staff" && appointment.StartsAt > Now())
        {
            await NoticeAsync(cancelled, "cancelled", appointment.StartsAt, cancellationToken);
        }

        return new AppointmentResult(cancelled, null);
    }

    /// <summary>
    /// A reply to a reminder: confirms or cancels the appointment, when it belongs to this phone (any channel of
    /// the same address: a family shares one) and has not started. Returns the appointment, or null.
    /// </summary>
    public async Task<Appointment?> ReplyAsync(Contact from, long appointmentId, bool confirm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        var appointment = await FindAsync(appointmentId, cancellationToken);
        if (appointment is null || appointment.Status == AppointmentStatus.Cancelled || appointment.StartsAt <= Now()
            || !(await OwnersAsync(from, cancellationToken)).Contains(appointment.ContactId))
        {
            return null;
        }

        if (!confirm)
        {
            return (await CancelAsync(appointmentId, "person", cancellationToken)).Appointment;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE appointments SET status = 'confirmed', replied_at = @now, updated_at = @now WHERE id = @id",
            new { id = appointmentId, now = timeProvider.GetUtcNow() });
        return await FindAsync(appointmentId, cancellationToken);
    }

    /// <summary>The person's upcoming appointments (on any channel of their address), soonest first.</summary>
    public async Task<IReadOnlyList<Appointment>> UpcomingAsync(Contact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var owners = await OwnersAsync(contact, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            // Dapper passes a list as one array parameter to PostgreSQL (no IN expansion there).
            $"SELECT {Columns} FROM appointments WHERE {(database.Dialect == StoreDialect.Postgres ? "contact_id = ANY(@owners)" : "contact_id IN @owners")} AND status <> 'cancelled' AND starts_at > @now ORDER BY starts_at",
            new { owners = owners.ToArray(), now = timeProvider.GetUtcNow() });
        return rows.Select(r => r.ToAppointment()).ToList();
    }

    /// <summary>The appointment a bare reply code ("1", "2") answers: the next upcoming one that was reminded and not yet answered.</summary>
    public async Task<Appointment?> AwaitingReplyAsync(Contact contact, CancellationToken cancellationToken)
    {
        foreach (var appointment in await UpcomingAsync(contact, cancellationToken))
        {
            if (appointment.Status == AppointmentStatus.Booked
                && (await outbox.ListBySubjectAsync(appointment.Subject, cancellationToken)).Any(m => m.Kind == "reminder" && m.State is OutboxStates.Sent or OutboxStates.Delivered))
            {
                return appointment;
            }
        }

        return null;
    }

    /// <summary>After the fact: attended or no-show.</summary>
    public async Task<bool> MarkOutcomeAsync(long id, string outcome, CancellationToken cancellationToken)
    {
        if (outcome is not (AppointmentStatus.Attended or AppointmentStatus.NoShow))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "attended or no-show");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE appointments SET outcome = @outcome, updated_at = @now WHERE id = @id AND status <> 'cancelled' AND starts_at <= @now",
            new { id, outcome, now = timeProvider.GetUtcNow() }) == 1;
    }

    public async Task<Appointment?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM appointments WHERE id = @id", new { id }))?.ToAppointment();
    }

    /// <summary>An organisation's appointments in a period with their reminder status, for staff.</summary>
    public async Task<IReadOnlyList<AppointmentView>> ListAsync(string organisationId, Instant from, Instant to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ViewRow>(
            $"""
            SELECT {Columns},
                (SELECT COUNT(*) FROM outbox o WHERE o.subject = 'appointment:' || a.id AND o.kind = 'reminder' AND o.state IN ('sent', 'delivered')) AS Sent,
                (SELECT COUNT(*) FROM outbox o WHERE o.subject = 'appointment:' || a.id AND o.kind = 'reminder' AND o.state = 'planned') AS Planned
            FROM appointments a
            WHERE organisation_id = @organisationId AND starts_at >= @from AND starts_at < @to
            ORDER BY starts_at, id
            """,
            new { organisationId, from = from.ToDateTimeOffset(), to = to.ToDateTimeOffset() });
        return rows.Select(r => new AppointmentView(r.ToAppointment(), r.Sent > 0, Reply(r.ToAppointment(), r.Sent > 0), (int)r.Planned)).ToList();
    }

    /// <summary>Per service and month (in the organisation's time zone): reminded, confirmed, cancelled, no reply, attended, no-show.</summary>
    public async Task<IReadOnlyList<AppointmentRates>> RatesAsync(string organisationId, Instant from, Instant to, CancellationToken cancellationToken)
    {
        var zone = await zones.ZoneAsync(organisationId, cancellationToken);
        return (await ListAsync(organisationId, from, to, cancellationToken))
            .GroupBy(v => (Service: v.Appointment.ServiceId ?? "-", Month: v.Appointment.StartsAt.InZone(zone).Date.ToString("yyyy-MM", null)))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => g.Key.Service, StringComparer.Ordinal)
            .Select(g => new AppointmentRates(
                g.Key.Service,
                g.Key.Month,
                g.Count(),
                g.Count(v => v.Reminded),
                g.Count(v => v.Reply == AppointmentStatus.Confirmed),
                g.Count(v => v.Reply == AppointmentStatus.Cancelled),
                g.Count(v => v.Reply == "no reply"),
                g.Count(v => v.Appointment.Outcome == AppointmentStatus.Attended),
                g.Count(v => v.Appointment.Outcome == AppointmentStatus.NoShow)))
            .ToList();
    }

    private static string Reply(Appointment appointment, bool reminded) => appointment.Status switch
    {
        AppointmentStatus.Confirmed => AppointmentStatus.Confirmed,
        AppointmentStatus.Cancelled => AppointmentStatus.Cancelled,
        _ => reminded ? "no reply" : "not reminded yet",
    };

    private async Task PlanRemindersAsync(Appointment appointment, DateTimeZone zone, CancellationToken cancellationToken)
    {
        var options = reminderOptions.CurrentValue;
        var steps = ReminderPlanner.Plan(appointment.StartsAt, zone, options.StepsFor(appointment.OrganisationId, "appointment"), options.QuietHoursFor(appointment.OrganisationId), Now());
        var planned = steps.Where(s => s.Skipped is null)
            .Select(s => new PlannedMessage(
                $"{appointment.Subject}:r{appointment.Revision}:c{appointment.ContactId}:{s.Step.Name}",
                appointment.OrganisationId, appointment.ContactId, "reminder", appointment.Subject, s.Step.Name, appointment.Language, s.Due.ToUnixTimeMilliseconds())
            {
                EventMs = appointment.StartsAt.ToUnixTimeMilliseconds(),
            })
            .ToList();
        await outbox.PlanAsync(planned, cancellationToken);
    }

    private async Task NoticeAsync(Appointment appointment, string step, Instant eventAt, CancellationToken cancellationToken) =>
        await outbox.PlanAsync(
            [new PlannedMessage(
                $"{appointment.Subject}:r{appointment.Revision}:c{appointment.ContactId}:{step}",
                appointment.OrganisationId, appointment.ContactId, "notice", appointment.Subject, step, appointment.Language, timeProvider.GetUtcNow().ToUnixTimeMilliseconds())
            {
                EventMs = step == "cancelled" ? null : eventAt.ToUnixTimeMilliseconds(),
            }],
            cancellationToken);

    /// <summary>The contacts sharing this contact's address (a phone on SMS and WhatsApp), itself included.</summary>
    private async Task<HashSet<long>> OwnersAsync(Contact contact, CancellationToken cancellationToken)
    {
        var owners = new HashSet<long> { contact.Id };
        if (contact.Channel is "sms" or "whatsapp")
        {
            owners.UnionWith((await contacts.SameAddressAsync(contact.OrganisationId, contact.Address, cancellationToken)).Select(c => c.Id));
        }

        return owners;
    }

    private Instant Now() => Instant.FromDateTimeOffset(timeProvider.GetUtcNow());

    private class Row
    {
        public long Id { get; set; }

        public string OrganisationId { get; set; } = string.Empty;

        public long ContactId { get; set; }

        public string? FirstName { get; set; }

        public string Language { get; set; } = string.Empty;

        public string? ServiceId { get; set; }

        public string? SiteId { get; set; }

        public string? Staff { get; set; }

        public string? Notes { get; set; }

        public DateTimeOffset StartsAt { get; set; }

        public long Revision { get; set; }

        public string Status { get; set; } = string.Empty;

        public string? Outcome { get; set; }

        public string? CancelledBy { get; set; }

        public Appointment ToAppointment() => new(Id, OrganisationId, ContactId, Language, Instant.FromDateTimeOffset(StartsAt))
        {
            FirstName = FirstName,
            ServiceId = ServiceId,
            SiteId = SiteId,
            Staff = Staff,
            Notes = Notes,
            Revision = (int)Revision,
            Status = Status,
            Outcome = Outcome,
            CancelledBy = CancelledBy,
        };
    }

    private sealed class ViewRow : Row
    {
        public long Sent { get; set; }

        public long Planned { get; set; }
    }
}
