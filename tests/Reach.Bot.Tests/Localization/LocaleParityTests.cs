using System.Text.RegularExpressions;
using Reach.Bot.Localization;

namespace Reach.Bot.Tests.Localization;

public partial class LocaleParityTests
{
    public static TheoryData<string> Languages() => new(Locales.Default.Languages.Where(l => l != "en"));

    [Fact]
    public void Every_language_Reach_identifies_has_a_locale()
    {
        Locales.Default.Languages.Order().ShouldBe(["ar", "en", "es", "fr", "nl", "ru", "uk"]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_locale_has_the_english_keys_and_placeholders(string language)
    {
        var english = Locales.Default.Strings("en");
        var other = Locales.Default.Strings(language);
        foreach (var (key, text) in english.Where(e => !e.Key.Contains(".places.", StringComparison.Ordinal)))
        {
            other.Keys.ShouldContain(key);
            Placeholders(other[key]).ShouldBe(Placeholders(text), $"{language}: {key}");
        }

        foreach (var form in other.Keys.Where(k => k.StartsWith("session.places.", StringComparison.Ordinal)))
        {
            Placeholders(other[form]).ShouldBeSubsetOf(["count"]);
        }

        other.Keys.ShouldContain("session.places.other");
    }

    private static List<string> Placeholders(string text) =>
        PlaceholderRegex().Matches(text).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex PlaceholderRegex();
}
