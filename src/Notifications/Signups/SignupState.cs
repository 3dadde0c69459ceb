namespace Reach.Notifications.Signups;

/// <summary>
/// A sign-up as it is now: its status, its revision (how many times the person signed up again after cancelling)
/// and, on the waiting list, its position (1 = next).
/// </summary>
public sealed record SignupState(SignupStatus Status, int Revision, int WaitingPosition);
