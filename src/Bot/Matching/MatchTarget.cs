namespace Reach.Bot.Matching;

/// <summary>A curated item a message can be matched to.</summary>
public sealed record MatchTarget(MatchKind Kind, string Id)
{
    public string KindName => Kind.ToString().ToLowerInvariant();
}
