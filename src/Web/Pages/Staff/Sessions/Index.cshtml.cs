using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Reach.Content.Schedules;
using Reach.Content.Storage;
using Reach.Notifications.Signups;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Staff.Sessions;

/// <summary>
/// The coming weeks' sessions of the organisation's activities with sign-up, each with places taken, capacity and
/// people waiting. Sign-ups name a dated session of the published content, so recurring activities without dated
/// sessions are only listed by name.
/// </summary>
public sealed class IndexModel(IContentStore content, SignupQueries queries, TimeProvider time) : PageModel
{
    public const int DefaultWeeks = 12;

    [BindProperty(SupportsGet = true)]
    public int Weeks { get; set; } = DefaultWeeks;

    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    /// <summary>Activities taking sign-ups on a recurring schedule only: Reach has no session to sign people up to.</summary>
    public IReadOnlyList<string> WithoutDates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Weeks = Math.Clamp(Weeks, 1, 52);
        var published = (await content.GetPublishedAsync(User.Organisation(), cancellationToken))?.Content;
        if (published is null)
        {
            return;
        }

        var source = published.Organisation.SourceLanguage;
        var zone = DateTimeZoneProviders.Tzdb[published.Organisation.TimeZone];
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(zone).Date;
        var counts = await queries.CountsAsync(published.Organisation.Id, cancellationToken);
        var rows = new List<SessionRow>();
        foreach (var activity in published.Activities.Where(a => a.Signup is not null))
        {
            var title = activity.Title.Get(source, source);
            foreach (var opening in ScheduleCalculator.Openings(published, activity, today, today.PlusWeeks(Weeks)).Openings.Where(o => o.Session is not null))
            {
                var session = opening.Session!;
                var (taken, waiting) = counts.GetValueOrDefault(session.Id);
                rows.Add(new SessionRow(activity.Id, session.Id, title, opening.Start, Times(opening), taken, SignupService.Capacity(activity, session), waiting)
                {
                    Cancelled = opening.CancelledReason?.Get(source, source),
                });
            }
        }

        Sessions = rows.OrderBy(r => r.Start.ToInstant()).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
        WithoutDates = published.Activities
            .Where(a => a.Signup is { Required: true } && a.Sessions.Count == 0 && a.Schedule.Count > 0)
            .Select(a => a.Title.Get(source, source))
            .ToList();
    }

    private static string Times(Opening opening) =>
        opening.Start.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + opening.End.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);

    public sealed record SessionRow(string ActivityId, string SessionId, string Title, ZonedDateTime Start, string Times, int Taken, int? Capacity, int Waiting)
    {
        public string? Cancelled { get; init; }

        public string Places => Capacity is { } capacity ? $"{Taken} / {capacity}" : $"{Taken} (no limit)";

        public string Link => $"/staff/sessions/{Uri.EscapeDataString(ActivityId)}/{Uri.EscapeDataString(SessionId)}";
    }
}
