namespace Reach.Notifications.Delivery;

/// <summary>
/// One message Reach sends by itself. <see cref="Key"/> (subject, person and plan step) is unique: the same
/// message is never planned twice. <see cref="Subject"/> is what it is about: <c>appointment:12</c>,
/// <c>session:{activity}/{session}</c>, <c>broadcast:5</c>.
/// </summary>
public sealed record OutboxMessage(long Id, string Key, string OrganisationId, long ContactId, string Kind, string Subject, string Step, string Language)
{
    public string? Text { get; init; }

    public long? EventMs { get; init; }

    public long DueMs { get; init; }

    public string State { get; init; } = OutboxStates.Planned;

    public string? Channel { get; init; }

    /// <summary>Channels that failed permanently, comma-separated: the next channel is tried.</summary>
    public string Tried { get; init; } = string.Empty;

    public int Attempts { get; init; }

    public string? ProviderId { get; init; }

    public string? Reason { get; init; }

    public long? SentMs { get; init; }

    /// <summary>Until when the sender holding a <c>sending</c> message owns it.</summary>
    public long? LeaseMs { get; init; }

    /// <summary>When the last send started (the request may have left from then on); a takeover never moves it.</summary>
    public long? SendingMs { get; init; }
}

/// <summary>A message to plan: <see cref="Text"/> fixed (broadcasts) or null (written when sent).</summary>
public sealed record PlannedMessage(string Key, string OrganisationId, long ContactId, string Kind, string Subject, string Step, string Language, long DueMs)
{
    public string? Text { get; init; }

    public long? EventMs { get; init; }
}

/// <summary>
/// The states of an outbox message. <c>planned</c> becomes due at its time, <c>sending</c> while a sender holds it,
/// then <c>sent</c> (accepted by the provider) and <c>delivered</c> (the provider's callback), or <c>failed</c> with
/// a reason, <c>cancelled</c> (its subject was cancelled or moved), <c>suppressed</c> (the person opted out),
/// <c>dropped</c> (too late: after its event, or missed during downtime beyond the allowed lateness).
/// </summary>
public static class OutboxStates
{
    public const string Planned = "planned";
    public const string Due = "due";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Suppressed = "suppressed";
    public const string Dropped = "dropped";

    /// <summary>The state staff see: a planned message whose time has come is <c>due</c>.</summary>
    public static string Shown(OutboxMessage message, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.State == Planned && message.DueMs <= nowMs ? Due : message.State;
    }
}
