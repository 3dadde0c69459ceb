namespace Reach.Content.Model;

/// <summary>Whether and how people sign up; <see cref="DeadlineDays"/> is days before the start.</summary>
public sealed record SignupRules(bool Required, int? Capacity, int? DeadlineDays, LocalizedText? How);
