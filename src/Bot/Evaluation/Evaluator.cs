using NodaTime;
using Reach.Bot.Answers;

namespace Reach.Bot.Evaluation;

/// <summary>Runs every case through the engine, in file order, at one instant.</summary>
public static class Evaluator
{
    public static EvaluationReport Run(AnswerEngine engine, CaseSet cases, Instant now)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(cases);
        var results = cases.Cases
            .Select(c =>
            {
                var answer = engine.Answer(c.Text, language: null, now);
                return new CaseResult(c, answer.Language, answer.Match, answer.Confidence, answer.Known);
            })
            .ToList();
        return new EvaluationReport(results, engine.Content.Safety.Select(s => s.Id).ToHashSet(StringComparer.Ordinal));
    }
}
