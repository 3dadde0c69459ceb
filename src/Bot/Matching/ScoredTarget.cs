namespace Reach.Bot.Matching;

/// <summary>A candidate with its similarity to the message, in [0, 1].</summary>
public sealed record ScoredTarget(MatchTarget Target, double Score);
