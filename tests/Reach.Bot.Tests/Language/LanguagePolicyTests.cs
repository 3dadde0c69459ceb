using Reach.Bot.Language;

namespace Reach.Bot.Tests.Language;

public class LanguagePolicyTests
{
    private static readonly string[] Offered = ["fr", "ar", "uk", "es", "en"];

    [Fact]
    public void First_contact_uses_the_detected_language_then_the_channel_hint()
    {
        LanguagePolicy.Decide(LanguageState.New, new LanguageGuess("ar", 0.9), "fr", Offered).Language.ShouldBe("ar");
        LanguagePolicy.Decide(LanguageState.New, null, "uk", Offered).Language.ShouldBe("uk");
    }

    [Fact]
    public void Nothing_to_tell_on_first_contact_asks_rather_than_guessing()
    {
        var decision = LanguagePolicy.Decide(LanguageState.New, null, "de", Offered);

        decision.Language.ShouldBeNull();
        decision.AskToChoose.ShouldBeTrue();
    }

    [Fact]
    public void One_message_in_another_language_does_not_switch_two_in_a_row_do()
    {
        var state = LanguagePolicy.Choose("uk");

        var once = LanguagePolicy.Decide(state, new LanguageGuess("en", 0.8), null, Offered);
        var twice = LanguagePolicy.Decide(once.State, new LanguageGuess("en", 0.8), null, Offered);

        once.Language.ShouldBe("uk");
        twice.Language.ShouldBe("en");
        twice.State.ShouldBe(new LanguageState("en"));
    }

    [Fact]
    public void Low_confidence_or_not_offered_languages_never_switch()
    {
        var state = LanguagePolicy.Choose("es");

        var weak = LanguagePolicy.Decide(state, new LanguageGuess("fr", 0.4), null, Offered);
        var russian = LanguagePolicy.Decide(LanguagePolicy.Decide(state, new LanguageGuess("ru", 0.9), null, Offered).State, new LanguageGuess("ru", 0.9), null, Offered);

        LanguagePolicy.Decide(weak.State, new LanguageGuess("fr", 0.4), null, Offered).Language.ShouldBe("es");
        russian.Language.ShouldBe("es");
    }

    [Fact]
    public void The_menu_shows_each_language_in_its_own_script()
    {
        LanguagePolicy.Menu(Offered).Select(m => m.Name).ShouldBe(["Français", "العربية", "Українська", "Español", "English"]);
    }
}
