namespace Reach.Content.Model;

/// <summary>Everything one organisation publishes: the unit that is versioned in the store.</summary>
public sealed record OrganisationContent(Organisation Organisation)
{
    public IReadOnlyList<Site> Sites { get; init; } = [];

    public IReadOnlyList<Service> Services { get; init; } = [];

    public IReadOnlyList<Activity> Activities { get; init; } = [];

    public IReadOnlyList<FaqEntry> Faq { get; init; } = [];

    public IReadOnlyList<Referral> Referrals { get; init; } = [];

    public IReadOnlyList<SafetyTopic> Safety { get; init; } = [];

    /// <summary>Calendars this organisation can use: its own and those shared by the pack.</summary>
    public IReadOnlyList<HolidayCalendar> Holidays { get; init; } = [];

    public HolidayCalendar? HolidayCalendar =>
        Organisation.HolidayCalendar is { } id ? Holidays.FirstOrDefault(h => h.Id == id) : null;

    public IScheduledItem? FindScheduled(string id) =>
        (IScheduledItem?)Services.FirstOrDefault(s => s.Id == id) ?? Activities.FirstOrDefault(a => a.Id == id);

    public Site? FindSite(string? id) => id is null ? null : Sites.FirstOrDefault(s => s.Id == id);
}
