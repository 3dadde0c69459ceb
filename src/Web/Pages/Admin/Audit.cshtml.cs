using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Admin;

/// <summary>The organisation's changes to content, appointments, broadcasts and accounts, newest first, a page at a time.</summary>
public sealed class AuditModel(AuditLog audit) : PageModel
{
    public const int PageSize = 100;

    /// <summary>Show the entries older than this one (its id); the newest when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>Where the next page starts (the last entry shown), or null on the last page.</summary>
    public long? Older { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // One more than a page: whether an older page exists, without counting the whole log.
        var entries = await audit.PageAsync(User.Organisation(), Before, PageSize + 1, cancellationToken);
        Entries = entries.Take(PageSize).ToList();
        Older = entries.Count > PageSize ? Entries[^1].Id : null;
    }
}
