namespace Reach.Notifications.Signups;

/// <summary>A place staff cancelled, and the person who got it from the waiting list (null: nobody).</summary>
public sealed record StaffCancelResult(bool Cancelled, long? Promoted);
