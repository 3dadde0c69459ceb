using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Web.Accounts;
using Reach.Web.Dashboard;

namespace Reach.Web.Pages.Staff;

/// <summary>Per week: questions per language and topic, the share Reach answered alone, reminders, confirmations, no-shows, opt-outs.</summary>
public sealed class DashboardModel(DashboardQueries queries) : PageModel
{
    public IReadOnlyList<WeekNumbers> Weeks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Weeks = await queries.WeeksAsync(User.Organisation(), 8, cancellationToken);
}
