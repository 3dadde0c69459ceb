namespace Reach.Content.Storage;

/// <summary>What a publish did: a new version, or nothing because the content was already current.</summary>
public sealed record PublishResult(string OrganisationId, int Version, bool Changed);
