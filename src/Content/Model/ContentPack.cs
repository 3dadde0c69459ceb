namespace Reach.Content.Model;

/// <summary>A content pack: one or more organisations read from a folder of YAML files.</summary>
public sealed record ContentPack(IReadOnlyList<OrganisationContent> Organisations);
