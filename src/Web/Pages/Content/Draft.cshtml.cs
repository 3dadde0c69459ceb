using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Content.Drafts;
using Reach.Content.Storage;
using Reach.Web.Accounts;
using Reach.Web.ContentEditing;

namespace Reach.Web.Pages.Content;

/// <summary>
/// The draft: what it changes, what was published since it started (the same item changed on both sides is shown as
/// a conflict: the draft's text would win), the checks, and "Publish" (a new version, merged item by item) or "Discard".
/// </summary>
public sealed class DraftModel(ContentWorkspace workspace, IContentStore content) : PageModel
{
    public ContentDraft? Draft { get; private set; }

    public int BaseVersion { get; private set; }

    public int PublishedVersion { get; private set; }

    public IReadOnlyList<ItemChange> Changes { get; private set; } = [];

    public IReadOnlyList<ItemChange> Conflicts { get; private set; } = [];

    public IReadOnlyList<ContentVersionInfo> PublishedSince { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty] public string? Note { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } current)
        {
            return NotFound();
        }

        if (Draft is null)
        {
            Message = "There is no draft to publish.";
            return Redirect("/content/draft");
        }

        var outcome = await workspace.PublishDraftAsync(current, User.Actor(), Note, cancellationToken);
        if (!outcome.Saved)
        {
            Problems = outcome.Errors.Select(e => $"{e.Field}: {e.Message}").ToList();
            return Page();
        }

        Message = $"Published as version {outcome.PublishedVersion}: Reach uses it now.";
        return Redirect("/content");
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken cancellationToken)
    {
        await workspace.DiscardDraftAsync(User.Organisation(), User.Actor(), cancellationToken);
        Message = "The draft was discarded. The published content is unchanged.";
        return Redirect("/content/draft");
    }

    private async Task<Workspace?> LoadAsync(CancellationToken cancellationToken)
    {
        var current = await workspace.LoadAsync(User.Organisation(), cancellationToken);
        if (current is null)
        {
            return null;
        }

        Draft = current.Draft;
        PublishedVersion = current.Published.Version;
        if (Draft is not null && await workspace.BaseOfAsync(current, cancellationToken) is { } basis && workspace.Preview(current, basis) is { } merged)
        {
            BaseVersion = Draft.BaseVersion;
            Changes = merged.Changes;
            Conflicts = merged.Conflicts;
            PublishedSince = (await content.ListVersionsAsync(User.Organisation(), cancellationToken)).Where(v => v.Version > Draft.BaseVersion).ToList();
        }

        return current;
    }
}
