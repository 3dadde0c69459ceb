namespace Reach.Bot.Evaluation;

/// <summary>One message with the curated ids that would be right answers; empty means Reach must abstain.</summary>
public sealed record EvaluationCase(string? Language, string Text, IReadOnlyList<string> Expect, int Line)
{
    public bool ExpectsNone => Expect.Count == 0;
}
