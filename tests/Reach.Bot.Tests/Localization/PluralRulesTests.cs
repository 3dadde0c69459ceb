using Reach.Bot.Localization;

namespace Reach.Bot.Tests.Localization;

public class PluralRulesTests
{
    [Theory]
    [InlineData(0, "zero")]
    [InlineData(1, "one")]
    [InlineData(2, "two")]
    [InlineData(3, "few")]
    [InlineData(10, "few")]
    [InlineData(11, "many")]
    [InlineData(99, "many")]
    [InlineData(100, "other")]
    [InlineData(102, "other")]
    [InlineData(103, "few")]
    [InlineData(111, "many")]
    public void Arabic_has_six_forms(long n, string expected) => PluralRules.Category("ar", n).ShouldBe(expected);

    [Theory]
    [InlineData(1, "one")]
    [InlineData(21, "one")]
    [InlineData(11, "many")]
    [InlineData(2, "few")]
    [InlineData(24, "few")]
    [InlineData(12, "many")]
    [InlineData(5, "many")]
    [InlineData(0, "many")]
    public void Ukrainian_has_one_few_many(long n, string expected) => PluralRules.Category("uk", n).ShouldBe(expected);

    [Theory]
    [InlineData("fr", 0, "one")]
    [InlineData("fr", 1, "one")]
    [InlineData("fr", 2, "other")]
    [InlineData("en", 0, "other")]
    [InlineData("en", 1, "one")]
    [InlineData("es", 1, "one")]
    [InlineData("es", 3, "other")]
    public void Latin_languages_have_one_and_other(string language, long n, string expected) =>
        PluralRules.Category(language, n).ShouldBe(expected);

    [Theory]
    [InlineData("uk", 1, "залишилося 1 місце")]
    [InlineData("uk", 3, "залишилося 3 місця")]
    [InlineData("uk", 5, "залишилося 5 місць")]
    [InlineData("ar", 1, "بقي مكان واحد")]
    [InlineData("ar", 2, "بقي مكانان")]
    [InlineData("ar", 4, "بقيت 4 أماكن")]
    [InlineData("ar", 12, "بقي 12 مكانًا")]
    [InlineData("fr", 1, "1 place libre")]
    [InlineData("es", 2, "quedan 2 plazas")]
    [InlineData("en", 1, "1 place left")]
    [InlineData("ru", 21, "осталось 21 место")]
    [InlineData("ru", 3, "осталось 3 места")]
    [InlineData("ru", 11, "осталось 11 мест")]
    [InlineData("nl", 2, "nog 2 plaatsen vrij")]
    public void Places_left_use_the_right_form(string language, long n, string expected) =>
        Locales.Default.Plural(language, "session.places", n).ShouldBe(expected);
}
