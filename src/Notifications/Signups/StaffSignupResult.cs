namespace Reach.Notifications.Signups;

/// <summary>
/// The outcome of a staff sign-up: refused with, per field at fault (<c>phone</c>, <c>language</c>, <c>consent</c>,
/// <c>session</c>), why in plain words; or the contact and their place.
/// </summary>
public sealed record StaffSignupResult(IReadOnlyDictionary<string, string> Errors)
{
    public long ContactId { get; init; }

    public SignupResult? Signup { get; init; }

    /// <summary>The number asked for no messages (STOP): signed up, but Reach sends it nothing until START.</summary>
    public bool OptedOut { get; init; }
}
