namespace Reach.Web.Translations;

/// <summary>What the translator said of each original text; <paramref name="Unavailable"/> when it failed or was too slow for some.</summary>
public sealed record ReadingTranslations(IReadOnlyDictionary<string, ReadingTranslation> Texts, bool Unavailable)
{
    /// <summary>The translation to show under the original, if any.</summary>
    public string? For(string text) => Texts.GetValueOrDefault(text)?.Text;

    /// <summary>The language the translator found the text in, if it said.</summary>
    public string? LanguageOf(string text) => Texts.GetValueOrDefault(text)?.DetectedLanguage;
}
