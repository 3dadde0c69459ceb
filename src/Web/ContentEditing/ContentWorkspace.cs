using NodaTime;
using Reach.Content.Drafts;
using Reach.Content.Model;
using Reach.Content.Packs;
using Reach.Content.Storage;
using Reach.Web.Accounts;

namespace Reach.Web.ContentEditing;

/// <summary>What a coordinator edits: the draft when there is one, else the published content.</summary>
public sealed record Workspace(PublishedContent Published, ContentDraft? Draft)
{
    public OrganisationContent Working => Draft?.Content ?? Published.Content;
}

/// <summary>The outcome of saving one item: the checks' errors (nothing saved), or the version published / draft kept.</summary>
public sealed record SaveOutcome(IReadOnlyList<Diagnostic> Errors, int? PublishedVersion)
{
    public bool Saved => Errors.Count == 0;
}

/// <summary>
/// Drafts and publishing for the content editors. An edit is a function from content to content (replace one item),
/// checked with the same rules as <c>reach content import</c> before anything is stored. "Save as draft" applies it to
/// the organisation's draft; "Publish" applies it to the published content at once (and to the draft, so publishing
/// the draft later does not undo it); publishing the draft merges it item by item onto the newest version.
/// </summary>
public sealed class ContentWorkspace(IContentStore content, ContentDraftStore drafts, AuditLog audit, TimeProvider time)
{
    public async Task<Workspace?> LoadAsync(string organisationId, CancellationToken cancellationToken)
    {
        var published = await content.GetPublishedAsync(organisationId, cancellationToken);
        return published is null ? null : new Workspace(published, await drafts.GetAsync(organisationId, cancellationToken));
    }

    /// <summary>The errors <c>reach content import</c> would report for this content (warnings are not errors).</summary>
    public IReadOnlyList<Diagnostic> Check(OrganisationContent edited)
    {
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InUtc().Date;
        return PackReader.ReadDocument(PackWriter.WriteDocument(edited), "content", today).Errors.ToList();
    }

    public async Task<SaveOutcome> SaveAsync(
        Workspace workspace, Func<OrganisationContent, OrganisationContent> edit, bool publish, string actor, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(edit);
        var organisation = workspace.Published.Content.Organisation.Id;
        var draft = workspace.Draft is { } d ? d with { Content = edit(d.Content), UpdatedBy = actor, UpdatedAt = time.GetUtcNow() } : null;
        if (!publish)
        {
            draft ??= new ContentDraft(workspace.Published.Version, edit(workspace.Published.Content), actor, time.GetUtcNow());
            var errors = Check(draft.Content);
            if (errors.Count > 0)
            {
                return new SaveOutcome(errors, null);
            }

            await drafts.SaveAsync(draft, cancellationToken);
            await audit.WriteAsync(organisation, actor, "content.draft", $"{what}: saved in the draft", cancellationToken);
            return new SaveOutcome([], null);
        }

        var changed = edit(workspace.Published.Content);
        var problems = Check(changed);
        if (problems.Count > 0)
        {
            return new SaveOutcome(problems, null);
        }

        var result = await content.PublishAsync(changed, actor, what, cancellationToken);
        if (draft is not null && Check(draft.Content).Count == 0)
        {
            await drafts.SaveAsync(draft, cancellationToken);
        }

        await audit.WriteAsync(organisation, actor, "content.edit", $"{what}: version {result.Version}", cancellationToken);
        return new SaveOutcome([], result.Version);
    }

    /// <summary>The draft's changes merged onto the newest version, checked, and the conflicts to look at.</summary>
    public MergeResult? Preview(Workspace workspace, OrganisationContent basis) =>
        workspace.Draft is { } draft ? DraftMerge.Merge(basis, draft.Content, workspace.Published.Content) : null;

    public async Task<OrganisationContent?> BaseOfAsync(Workspace workspace, CancellationToken cancellationToken) =>
        workspace.Draft is { } draft
            ? await content.GetVersionAsync(workspace.Published.Content.Organisation.Id, draft.BaseVersion, cancellationToken) ?? workspace.Published.Content
            : null;

    public async Task<SaveOutcome> PublishDraftAsync(Workspace workspace, string actor, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var basis = await BaseOfAsync(workspace, cancellationToken);
        if (basis is null || Preview(workspace, basis) is not { } merged)
        {
            return new SaveOutcome([new Diagnostic(Severity.Error, "draft", 0, "draft", "there is no draft to publish")], null);
        }

        var errors = Check(merged.Content);
        if (errors.Count > 0)
        {
            return new SaveOutcome(errors, null);
        }

        var organisation = workspace.Published.Content.Organisation.Id;
        var summary = string.Join(", ", merged.Changes.Select(c => $"{c.Section} {c.Id} {c.Kind.ToString().ToLowerInvariant()}"));
        var result = await content.PublishAsync(merged.Content, actor, string.IsNullOrWhiteSpace(note) ? $"draft published: {summary}" : note.Trim(), cancellationToken);
        await drafts.DeleteAsync(organisation, cancellationToken);
        await audit.WriteAsync(organisation, actor, "content.publish", $"draft published as version {result.Version}: {summary}", cancellationToken);
        return new SaveOutcome([], result.Version);
    }

    public async Task DiscardDraftAsync(string organisationId, string actor, CancellationToken cancellationToken)
    {
        if (await drafts.DeleteAsync(organisationId, cancellationToken))
        {
            await audit.WriteAsync(organisationId, actor, "content.draft", "draft discarded", cancellationToken);
        }
    }

    /// <summary>Replaces (or adds, or with null removes) the item with this id in a list.</summary>
    public static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, Func<T, string> id, string key, T? item)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        var index = list.FindIndex(i => id(i) == key);
        if (item is null)
        {
            if (index >= 0)
            {
                list.RemoveAt(index);
            }
        }
        else if (index >= 0)
        {
            list[index] = item;
        }
        else
        {
            list.Add(item);
        }

        return list;
    }
}
