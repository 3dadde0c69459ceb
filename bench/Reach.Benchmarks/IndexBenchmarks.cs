using BenchmarkDotNet.Attributes;
using NodaTime;
using Reach.Bot.Answers;
using Reach.Bot.Localization;
using Reach.Bot.Matching;
using Reach.Content.Model;

namespace Reach.Benchmarks;

/// <summary>
/// The index on a large synthetic organisation: 2,000 FAQ entries in five languages, three question
/// variants per language and a one-sentence answer each (40,000 indexed texts).
/// </summary>
[MemoryDiagnoser]
public class IndexBenchmarks
{
    private const int Entries = 2000;
    private const int MessageCount = 20;

    private static readonly Instant Now = Instant.FromUtc(2026, 12, 3, 9, 0);

    private OrganisationContent content = null!;
    private AnswerEngine engine = null!;
    private (string Text, string Language)[] messages = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        content = SyntheticPack.Create(Entries, random);
        engine = new AnswerEngine(content, Locales.Default, new AnswerOptions());

        // Messages made of the same vocabulary, so that they share words with many entries, in each language in turn.
        messages = new (string, string)[MessageCount];
        for (var i = 0; i < MessageCount; i++)
        {
            var language = SyntheticPack.Languages[i % SyntheticPack.Languages.Count];
            messages[i] = (SyntheticPack.Question(language, random), language);
        }

        next = 0;
    }

    [Benchmark]
    public AnswerIndex BuildIndex() => AnswerIndex.Build(content);

    [Benchmark]
    public Answer AnswerOnLargePack()
    {
        var (text, language) = messages[next];
        next = next + 1 == messages.Length ? 0 : next + 1;
        return engine.Answer(text, language, Now);
    }
}
