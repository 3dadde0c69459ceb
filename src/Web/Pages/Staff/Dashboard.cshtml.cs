using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Reach.Notifications.Appointments;
using Reach.Web.Accounts;
using Reach.Web.Dashboard;

namespace Reach.Web.Pages.Staff;

/// <summary>Per week: questions per language and topic, the share Reach answered alone, reminders, confirmations, no-shows, opt-outs.</summary>
public sealed class DashboardModel(DashboardQueries queries, AppointmentService appointments, TimeProvider time) : PageModel
{
    public IReadOnlyList<WeekNumbers> Weeks { get; private set; } = [];

    /// <summary>Appointments per service and month (this month and the two before).</summary>
    public IReadOnlyList<AppointmentRates> Rates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Weeks = await queries.WeeksAsync(User.Organisation(), 8, cancellationToken);
        var now = time.GetUtcNow();
        var from = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-2);
        Rates = await appointments.RatesAsync(User.Organisation(), Instant.FromDateTimeOffset(from), Instant.FromDateTimeOffset(now.AddMonths(1)), cancellationToken);
    }
}
