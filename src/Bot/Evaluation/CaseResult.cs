using Reach.Bot.Matching;

namespace Reach.Bot.Evaluation;

/// <summary>What the engine did with one case.</summary>
public sealed record CaseResult(EvaluationCase Case, string Language, MatchTarget? Match, double Confidence, double Known = 0)
{
    public bool Correct => Case.ExpectsNone ? Match is null : Match is not null && Case.Expect.Contains(Match.Id);
}
