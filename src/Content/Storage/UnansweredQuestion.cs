namespace Reach.Content.Storage;

/// <summary>A question Reach did not understand, as the coordinators see it.</summary>
public sealed record UnansweredQuestion(string OrganisationId, string Language, string Text, DateTimeOffset AskedAt);
