using Reach.Content.Model;

namespace Reach.Content.Storage;

/// <summary>The current content of an organisation with the version it comes from.</summary>
public sealed record PublishedContent(int Version, OrganisationContent Content);
