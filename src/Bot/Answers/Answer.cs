using Reach.Bot.Matching;

namespace Reach.Bot.Answers;

/// <summary>
/// The reply to one message: its language, the curated item it comes from (null when Reach abstains),
/// the confidence of that match in [0, 1], the text, and whether a person should take over.
/// </summary>
public sealed record Answer(string Language, MatchTarget? Match, double Confidence, string Text, bool Handoff)
{
    /// <summary>The share of the message's words the curated content knows, in [0, 1].</summary>
    public double Known { get; init; }

    public bool Abstained => Match is null;
}
