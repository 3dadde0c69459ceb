using Reach.Content.Model;

namespace Reach.Content.Drafts;

/// <summary>An organisation's unpublished changes: the whole content as edited, and the version it started from.</summary>
public sealed record ContentDraft(int BaseVersion, OrganisationContent Content, string UpdatedBy, DateTimeOffset UpdatedAt);
