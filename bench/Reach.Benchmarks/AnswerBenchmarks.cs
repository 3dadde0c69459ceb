using BenchmarkDotNet.Attributes;
using NodaTime;
using Reach.Bot.Answers;
using Reach.Bot.Localization;
using Reach.Content.Packs;
using Reach.Testing;

namespace Reach.Benchmarks;

/// <summary>
/// One answer per invocation on the demo pack (organisation "sem"), cycling through realistic messages
/// in the five languages with the language left to detection, at a fixed instant. Mean time is per answer.
/// </summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private static readonly string[] Messages =
    [
        // Arabic: opening hours, Article 27, appointment, and one in Arabizi.
        "ما هي أوقات عمل المكتب الاجتماعي؟",
        "واش البيرمانونس الاجتماعية حالة غدا فالصباح؟",
        "بشحال البلاصة فالمسرح مع أرتيكل 27؟",
        "واش نقدر نجي بلا موعد؟",
        "salam, wach l'assistante sociale kayna lyoum?",
        // Ukrainian.
        "Соціальна працівниця сьогодні приймає?",
        "як отримати квитки article 27?",
        "юрист у вас коли приймає? тільки по запису?",
        // Spanish.
        "¿a qué hora abre la atención social?",
        "qué es el artículo 27?",
        "hay que pedir cita para el abogado?",
        // French.
        "la permanence sociale est ouverte quand ?",
        "c koi article 27",
        "faut un rdv pour voir l'assistante sociale ?",
        "l'atelier couture c'est quel jour ?",
        // English.
        "what are the opening hours of the social desk?",
        "how do i get article 27 tickets for my kids",
        "do I need an appointment for the legal desk?",
        "is the digital help desk open on monday?",
        // Out of scope: Reach should abstain.
        "who won the football match yesterday?",
    ];

    private static readonly Instant Now = Instant.FromUtc(2026, 12, 3, 9, 0);

    private AnswerEngine engine = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var result = PackReader.ReadDirectory(RepositoryPaths.DemoPack);
        if (result.HasErrors || result.Pack is null)
        {
            throw new InvalidOperationException("The demo pack has errors: " + string.Join("; ", result.Errors));
        }

        var content = result.Pack.Organisations.Single(o => o.Organisation.Id == "sem");
        engine = new AnswerEngine(content, Locales.Default, new AnswerOptions());
        next = 0;
    }

    [Benchmark]
    public Answer AnswerMessage()
    {
        var message = Messages[next];
        next = next + 1 == Messages.Length ? 0 : next + 1;
        return engine.Answer(message, null, Now);
    }
}
