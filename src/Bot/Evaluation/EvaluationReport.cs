namespace Reach.Bot.Evaluation;

/// <summary>Accuracy per language, abstention precision and recall, safety recall, and the failures.</summary>
public sealed record EvaluationReport(IReadOnlyList<CaseResult> Results, IReadOnlySet<string> SafetyIds)
{
    /// <summary>Share of correct cases (right item, or abstention when none is expected) per case language.</summary>
    public IReadOnlyDictionary<string, double> AccuracyByLanguage =>
        Results.GroupBy(r => r.Case.Language ?? "?").OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Ratio(g.Count(r => r.Correct), g.Count()));

    /// <summary>Of the messages Reach abstained on, the share that were really out of scope.</summary>
    public double AbstentionPrecision => Ratio(Results.Count(r => r.Match is null && r.Case.ExpectsNone), Results.Count(r => r.Match is null));

    /// <summary>Of the out-of-scope messages, the share Reach abstained on.</summary>
    public double AbstentionRecall => Ratio(Results.Count(r => r.Match is null && r.Case.ExpectsNone), Results.Count(r => r.Case.ExpectsNone));

    /// <summary>Of the messages about a safety topic, the share routed to that topic.</summary>
    public double SafetyRecall =>
        Ratio(Results.Count(r => IsSafety(r.Case) && r.Correct), Results.Count(r => IsSafety(r.Case)));

    /// <summary>Of the cases with a language, the share whose language was identified as that one.</summary>
    public double LanguageAccuracy =>
        Ratio(Results.Count(r => r.Case.Language is not null && r.Language == r.Case.Language), Results.Count(r => r.Case.Language is not null));

    public IEnumerable<CaseResult> Failures => Results.Where(r => !r.Correct);

    private bool IsSafety(EvaluationCase c) => c.Expect.Any(SafetyIds.Contains);

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : Math.Round((double)part / whole, 4);
}
