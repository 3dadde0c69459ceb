namespace Reach.Notifications.Signups;

/// <summary>What a person agreed to when staff signed them up on their behalf, and who noted it (an account's email).</summary>
public sealed record SignupConsent(string RecordedBy, string Statement);
