using Reach.Content.Model;

namespace Reach.Content.Packs;

/// <summary>The items read from one organisation folder (or, for the empty scope, shared calendars).</summary>
internal sealed class FolderContent
{
    public Organisation? Organisation { get; set; }

    public List<Site> Sites { get; } = [];

    public List<Service> Services { get; } = [];

    public List<Activity> Activities { get; } = [];

    public List<FaqEntry> Faq { get; } = [];

    public List<Referral> Referrals { get; } = [];

    public List<SafetyTopic> Safety { get; } = [];

    public List<HolidayCalendar> Holidays { get; } = [];
}
