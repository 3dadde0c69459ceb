using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Content.Drafts;
using Reach.Content.Model;
using Reach.Web.Accounts;
using Reach.Web.ContentEditing;

namespace Reach.Web.Pages.Content;

/// <summary>The coordinators' start page: every item to edit, by section, and the draft waiting to be published.</summary>
public sealed class IndexModel(ContentWorkspace workspace) : PageModel
{
    public OrganisationContent? Working { get; private set; }

    public int Version { get; private set; }

    public ContentDraft? Draft { get; private set; }

    public IReadOnlyList<ItemChange> Changes { get; private set; } = [];

    public string Source => Working?.Organisation.SourceLanguage ?? "fr";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await workspace.LoadAsync(User.Organisation(), cancellationToken) is not { } current)
        {
            return NotFound();
        }

        Working = current.Working;
        Version = current.Published.Version;
        Draft = current.Draft;
        if (Draft is not null)
        {
            Changes = DraftMerge.Changes(current.Published.Content, Draft.Content);
        }

        return Page();
    }
}
