using NodaTime;

namespace Reach.Notifications.Appointments;

/// <summary>
/// An appointment staff recorded. The contact receives the reminders (a phone a family may share);
/// <see cref="FirstName"/> and <see cref="Language"/> are the person the appointment is for.
/// <see cref="Notes"/> are for staff and never sent.
/// </summary>
public sealed record Appointment(long Id, string OrganisationId, long ContactId, string Language, Instant StartsAt)
{
    public string? FirstName { get; init; }

    public string? ServiceId { get; init; }

    public string? SiteId { get; init; }

    public string? Staff { get; init; }

    public string? Notes { get; init; }

    /// <summary>Grows with each move: reminders of an earlier time never collide with the new ones.</summary>
    public int Revision { get; init; } = 1;

    /// <summary><c>booked</c>, <c>confirmed</c> (the person replied yes) or <c>cancelled</c>.</summary>
    public string Status { get; init; } = AppointmentStatus.Booked;

    /// <summary>After the fact: <c>attended</c>, <c>no-show</c>, or null.</summary>
    public string? Outcome { get; init; }

    /// <summary>Who cancelled: <c>person</c> (a reply) or <c>staff</c>.</summary>
    public string? CancelledBy { get; init; }

    public string Subject => $"appointment:{Id}";
}

public static class AppointmentStatus
{
    public const string Booked = "booked";
    public const string Confirmed = "confirmed";
    public const string Cancelled = "cancelled";
    public const string Attended = "attended";
    public const string NoShow = "no-show";
}

/// <summary>What staff see of an appointment's reminders: reminded, and the reply (confirmed, cancelled, no reply).</summary>
public sealed record AppointmentView(Appointment Appointment, bool Reminded, string Reply, int RemindersPlanned);

/// <summary>A new appointment: for an existing contact, or a phone number written in any usual form.</summary>
public sealed record NewAppointment(string OrganisationId, LocalDateTime Start, string Language)
{
    public long? ContactId { get; init; }

    public string? Phone { get; init; }

    public string? FirstName { get; init; }

    public string? ServiceId { get; init; }

    public string? SiteId { get; init; }

    public string? Staff { get; init; }

    public string? Notes { get; init; }
}

/// <summary>The appointment, or a message for staff naming what is wrong.</summary>
public sealed record AppointmentResult(Appointment? Appointment, string? Error)
{
    public static AppointmentResult Refused(string error) => new(null, error);
}

/// <summary>Rates for one service and month: reminded, confirmed, cancelled, no reply, attended, no-show.</summary>
public sealed record AppointmentRates(string Service, string Month, int Total, int Reminded, int Confirmed, int Cancelled, int NoReply, int Attended, int NoShow)
{
    public double ConfirmationRate => Reminded == 0 ? 0 : (double)Confirmed / Reminded;

    public double NoShowRate => Attended + NoShow == 0 ? 0 : (double)NoShow / (Attended + NoShow);
}
