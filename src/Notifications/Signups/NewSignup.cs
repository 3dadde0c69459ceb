namespace Reach.Notifications.Signups;

/// <summary>
/// A sign-up staff make on a person's behalf: their phone in any usual form, first name, language, whether the
/// person agreed (<see cref="Consent"/>) and who noted it (<see cref="RecordedBy"/>, an account's email).
/// </summary>
public sealed record NewSignup(string? Phone, string Language, bool Consent, string RecordedBy)
{
    public string? FirstName { get; init; }
}
