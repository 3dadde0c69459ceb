using Reach.Content.Model;

namespace Reach.Content.Storage;

/// <summary>Versioned, published content per organisation. Every publish or restore is a new version.</summary>
public interface IContentStore
{
    /// <summary>Publishes <paramref name="content"/> as a new version unless it equals the current one.</summary>
    Task<PublishResult> PublishAsync(OrganisationContent content, string author, string? note, CancellationToken cancellationToken);

    /// <summary>Publishes an earlier version again, as a new version.</summary>
    Task<PublishResult> RestoreAsync(string organisationId, int version, string author, CancellationToken cancellationToken);

    Task<PublishedContent?> GetPublishedAsync(string organisationId, CancellationToken cancellationToken);

    /// <summary>The content of any version, or null when there is no such version.</summary>
    Task<OrganisationContent?> GetVersionAsync(string organisationId, int version, CancellationToken cancellationToken);

    Task<IReadOnlyList<ContentVersionInfo>> ListVersionsAsync(string organisationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListOrganisationsAsync(CancellationToken cancellationToken);
}
