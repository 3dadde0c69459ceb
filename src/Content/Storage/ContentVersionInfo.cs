namespace Reach.Content.Storage;

/// <summary>One published version of an organisation's content.</summary>
public sealed record ContentVersionInfo(string OrganisationId, int Version, string Author, DateTimeOffset CreatedAt, string? Note, int? RestoredFrom, bool IsCurrent);
