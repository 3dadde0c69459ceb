using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Admin;

/// <summary>The last 500 changes to content, appointments, broadcasts and accounts of the organisation.</summary>
public sealed class AuditModel(AuditLog audit) : PageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Entries = await audit.ListAsync(User.Organisation(), 500, cancellationToken);
}
