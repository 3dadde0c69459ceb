namespace Reach.Bot.Matching;

/// <summary>What kind of curated item a message matched.</summary>
public enum MatchKind
{
    Faq,
    Service,
    Activity,
    Referral,
    Safety,
}
