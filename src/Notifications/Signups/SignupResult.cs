namespace Reach.Notifications.Signups;

/// <summary>The outcome of a sign-up: confirmed, or on the waiting list at a position (1 = next).</summary>
public sealed record SignupResult(SignupStatus Status, int WaitingPosition, bool AlreadySignedUp);
