using Reach.Bot.Language;

namespace Reach.Bot.Tests.Language;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("مَتَى تَفْتَحُ", "متي تفتح")] // diacritics removed, alef maqsura folded
    [InlineData("الخدمـــة الاجتماعية", "الخدمه الاجتماعيه")] // tatweel removed, ta marbuta folded
    [InlineData("أين إسأل آخر ٱلمكتب", "اين اسال اخر المكتب")] // hamza and madda forms of alef
    [InlineData("الساعة ١٠ أو ۱۲", "الساعه 10 او 12")] // Arabic-Indic and Persian digits
    [InlineData("مسؤول شؤون", "مسوول شوون")]
    public void Arabic_is_folded_to_one_form(string input, string expected) =>
        TextNormalizer.Normalize(input).ShouldBe(expected);

    [Theory]
    [InlineData("пʼятниця", "п'ятниця")]
    [InlineData("п’ятниця", "п'ятниця")]
    [InlineData("п'ятниця", "п'ятниця")]
    [InlineData("Всё ЁЛКА", "все елка")]
    public void Cyrillic_apostrophes_and_yo_are_unified(string input, string expected) =>
        TextNormalizer.Normalize(input).ShouldBe(expected);

    [Theory]
    [InlineData("¿Necesito CITA mañana?", "necesito cita manana")]
    [InlineData("Où est l'atelier ? Ça ouvre à 9h", "ou est l'atelier ca ouvre a 9h")]
    [InlineData("cœur", "coeur")]
    public void Latin_accents_case_and_punctuation_are_folded(string input, string expected) =>
        TextNormalizer.Normalize(input).ShouldBe(expected);

    [Fact]
    public void French_elisions_are_split_off_words()
    {
        TextNormalizer.Words("qu'est-ce que l'atelier d'informatique ? j'arrive").ShouldBe(["est", "ce", "que", "atelier", "informatique", "arrive"]);
    }

    [Theory]
    [InlineData("salut 👋🏽 ça va 😀", "salut ca va")]
    [InlineData("a\u0000b\u0007c", "a b c")]
    [InlineData("\uD800 lone \uDC00 surrogates", "lone surrogates")]
    [InlineData("", "")]
    [InlineData("🙏🙏🙏", "")]
    public void Emoji_control_characters_and_broken_surrogates_never_throw(string input, string expected) =>
        TextNormalizer.Normalize(input).ShouldBe(expected);
}
