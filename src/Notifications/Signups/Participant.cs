namespace Reach.Notifications.Signups;

/// <summary>
/// A person signed up for a session, as staff see them: first name, language, channel and address (staff call
/// people), confirmed or waiting (position 1 = next), when they signed up, and the consent staff recorded when they
/// signed the person up on their behalf (null: the person signed up themselves).
/// </summary>
public sealed record Participant(long ContactId, string Channel, string Address, SignupStatus Status, DateTimeOffset SignedUpAt)
{
    public string? FirstName { get; init; }

    public string? Language { get; init; }

    public int WaitingPosition { get; init; }

    public string? ConsentRecordedBy { get; init; }

    public DateTimeOffset? ConsentRecordedAt { get; init; }
}
