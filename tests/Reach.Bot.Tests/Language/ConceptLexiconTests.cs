using Reach.Bot.Language;

namespace Reach.Bot.Tests.Language;

public class ConceptLexiconTests
{
    private static readonly ConceptLexicon Lexicon = ConceptLexicon.From(
    [
        ("debt", "dettes"),
        ("debt", "je n'arrive plus à payer"),
        ("home_visit", "visite à domicile"),
        ("home_visit", "ne sort plus de chez elle"),
        ("debt", "ديون"),
        ("too_general", "je veux"),
        ("too_short", "de la maison"),
    ]);

    private static IReadOnlyCollection<string> Find(string text) => Lexicon.Find(TextNormalizer.Words(text));

    [Theory]
    [InlineData("j'ai des dettes partout", "debt")]
    [InlineData("J'arrive plus a payer", "debt")]
    [InlineData("elle ne sort plus de chez elle", "home_visit")]
    [InlineData("une visite a domicile svp", "home_visit")]
    [InlineData("عندي الديون", "debt")]
    public void Words_and_phrases_find_their_concept_whatever_the_accents_and_articles(string text, string concept) =>
        Find(text).ShouldBe([concept]);

    [Theory]
    [InlineData("je veux venir")]
    [InlineData("ma maison est loin")]
    [InlineData("visite du musée")]
    public void Function_words_alone_or_one_word_of_a_phrase_never_fire(string text) =>
        Find(text).ShouldBeEmpty();
}
