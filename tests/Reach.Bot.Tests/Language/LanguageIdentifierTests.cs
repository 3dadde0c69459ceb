using Reach.Bot.Language;

namespace Reach.Bot.Tests.Language;

public class LanguageIdentifierTests
{
    private static readonly string[] Offered = ["fr", "ar", "uk", "ru", "es", "en", "nl"];

    [Theory]
    [InlineData("متى تفتح الخدمة الاجتماعية؟", "ar")]
    [InlineData("واش كاين شي ورشة اليوم", "ar")]
    [InlineData("salam wach kayn atelier lyoum", "ar")]
    [InlineData("3afak fin kayn l bureau", "ar")]
    [InlineData("коли працює соціальна служба", "uk")]
    [InlineData("де можна отримати допомогу?", "uk")]
    [InlineData("когда работает социальная служба", "ru")]
    [InlineData("где мне получить помощь, это срочно", "ru")]
    [InlineData("necesito cita para el abogado?", "es")]
    [InlineData("¿dónde está la oficina?", "es")]
    [InlineData("c koi article 27", "fr")]
    [InlineData("est-ce que je dois prendre rendez-vous", "fr")]
    [InlineData("do I need an appointment for the lawyer", "en")]
    [InlineData("waar is het kantoor en wanneer is het open", "nl")]
    public void Short_messages_are_identified(string text, string expected) =>
        LanguageIdentifier.Identify(text, Offered)!.Language.ShouldBe(expected);

    [Fact]
    public void Cyrillic_is_Ukrainian_when_Russian_is_not_offered()
    {
        LanguageIdentifier.Identify("когда работает социальная служба", ["fr", "uk"])!.Language.ShouldBe("uk");
    }

    [Fact]
    public void Arabizi_is_not_Arabic_when_Arabic_is_not_offered()
    {
        LanguageIdentifier.Identify("salam wach kayn atelier lyoum", ["fr", "en"])?.Language.ShouldNotBe("ar");
    }

    [Theory]
    [InlineData("")]
    [InlineData("27")]
    [InlineData("🙂🙂")]
    [InlineData("ok")]
    public void Nothing_to_tell_gives_no_guess_rather_than_a_wrong_one(string text) =>
        LanguageIdentifier.Identify(text, Offered).ShouldBeNull();
}
