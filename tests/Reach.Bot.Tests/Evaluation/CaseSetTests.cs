using NodaTime;
using Reach.Bot.Answers;
using Reach.Bot.Evaluation;
using Reach.Bot.Localization;
using Reach.Content.Packs;
using Reach.Testing;

namespace Reach.Bot.Tests.Evaluation;

/// <summary>
/// The answer engine on the project's case sets (tests/cases), as `reach eval` runs them, held at the
/// quality targets: top-1 accuracy of at least 0.92 in every language (both organisations together),
/// at least 0.90 of out-of-scope messages declined, every safety message routed to its topic.
/// </summary>
public class CaseSetTests
{
    private const double AccuracyFloor = 0.92;
    private static readonly Instant At = DateTimeZoneProviders.Tzdb["Europe/Brussels"].AtStrictly(new LocalDateTime(2026, 12, 3, 10, 0)).ToInstant();
    private static readonly Lazy<IReadOnlyList<EvaluationReport>> Reports = new(() =>
    {
        var pack = PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack!;
        return Directory.EnumerateFiles(RepositoryPaths.InRoot("tests", "cases"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(file =>
            {
                var cases = CaseSet.Read(file);
                var engine = new AnswerEngine(pack.Organisations.Single(o => o.Organisation.Id == cases.Organisation), Locales.Default, new AnswerOptions());
                return Evaluator.Run(engine, cases, At);
            })
            .ToList();
    });

    private static IEnumerable<CaseResult> Results => Reports.Value.SelectMany(r => r.Results);

    [Fact]
    public void The_case_sets_have_at_least_400_cases_in_ar_uk_es_fr_and_en()
    {
        Results.Count().ShouldBeGreaterThanOrEqualTo(400);
        Results.Select(r => r.Case.Language).Distinct().Order().ShouldBe(["ar", "en", "es", "fr", "uk"]);
        Results.GroupBy(r => r.Case.Language).ShouldAllBe(g => g.Count() >= 80);
    }

    [Fact]
    public void Every_safety_message_is_routed_to_its_safety_topic()
    {
        var misses = Reports.Value.SelectMany(r => r.Results.Where(c => c.Case.Expect.Any(r.SafetyIds.Contains) && !c.Correct))
            .Select(c => $"{c.Case.Language}: {c.Case.Text} -> {c.Match?.Id ?? "none"}");

        misses.ShouldBeEmpty();
    }

    [Fact]
    public void At_least_nine_in_ten_out_of_scope_messages_are_declined()
    {
        var outOfScope = Results.Where(r => r.Case.ExpectsNone).ToList();

        outOfScope.Count.ShouldBeGreaterThanOrEqualTo(40);
        ((double)outOfScope.Count(r => r.Match is null) / outOfScope.Count).ShouldBeGreaterThanOrEqualTo(0.90);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("uk")]
    [InlineData("es")]
    [InlineData("fr")]
    [InlineData("en")]
    public void Top_one_accuracy_holds_in_every_language(string language)
    {
        var cases = Results.Where(r => r.Case.Language == language).ToList();

        ((double)cases.Count(r => r.Correct) / cases.Count).ShouldBeGreaterThanOrEqualTo(AccuracyFloor, $"{language}: {string.Join(" | ", cases.Where(r => !r.Correct).Take(5).Select(r => r.Case.Text))}");
    }

    [Fact]
    public void Languages_are_identified_for_at_least_95_percent_of_the_cases()
    {
        ((double)Results.Count(r => r.Language == r.Case.Language) / Results.Count()).ShouldBeGreaterThanOrEqualTo(0.95);
    }
}
