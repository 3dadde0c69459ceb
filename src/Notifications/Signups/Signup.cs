namespace Reach.Notifications.Signups;

/// <summary>A person's place (or waiting-list place) in one activity session.</summary>
public sealed record Signup(long ContactId, string ActivityId, string SessionId, SignupStatus Status);
