namespace Reach.Bot.Language;

/// <summary>
/// Tells which offered language a short message is written in: script first (Arabic, Cyrillic, Latin),
/// then letters that separate close languages (Ukrainian і ї є ґ against Russian ы э ъ ё; Spanish ñ ¿ ¡
/// against French ç œ and grave accents), then frequent words. Latin-letter Arabic (Arabizi: 3, 7, 9 in
/// words, salam, wach, kayn…) counts as Arabic. Returns null when nothing tells.
/// </summary>
public static class LanguageIdentifier
{
    public static LanguageGuess? Identify(string? text, IReadOnlyCollection<string> offered) =>
        Identify(text, TextNormalizer.Words(text), offered);

    /// <summary>The same, with the message's normalised words already at hand.</summary>
    public static LanguageGuess? Identify(string? text, IReadOnlyList<string> words, IReadOnlyCollection<string> offered)
    {
        ArgumentNullException.ThrowIfNull(offered);
        ArgumentNullException.ThrowIfNull(words);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        int arabic = 0, cyrillic = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFF')
            {
                arabic++;
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F')
            {
                latin++;
            }
        }

        var letters = arabic + cyrillic + latin;
        if (letters == 0)
        {
            return null;
        }

        if (arabic >= cyrillic && arabic >= latin)
        {
            return Offered("ar", (double)arabic / letters, offered);
        }

        return cyrillic >= latin ? Cyrillic(text, words, offered) : Latin(text, words, offered);
    }

    private static LanguageGuess? Offered(string language, double confidence, IReadOnlyCollection<string> offered) =>
        offered.Contains(language) ? new LanguageGuess(language, Math.Round(Math.Clamp(confidence, 0, 1), 2)) : null;

    private static LanguageGuess? Cyrillic(string text, IReadOnlyList<string> words, IReadOnlyCollection<string> offered)
    {
        var lower = text.ToLowerInvariant();
        double uk = lower.Count(c => c is 'і' or 'ї' or 'є' or 'ґ') * 2 + Hits(words, "uk");
        double ru = lower.Count(c => c is 'ы' or 'э' or 'ъ' or 'ё') * 2 + Hits(words, "ru");
        if (offered.Contains("uk") && offered.Contains("ru"))
        {
            if (uk == ru)
            {
                return null;
            }

            var best = uk > ru ? "uk" : "ru";
            return new LanguageGuess(best, Math.Round(Math.Max(uk, ru) / (uk + ru + 1), 2));
        }

        return Offered("uk", 0.6 + 0.4 * uk / (uk + ru + 1), offered) ?? Offered("ru", 0.6 + 0.4 * ru / (uk + ru + 1), offered);
    }

    private static LanguageGuess? Latin(string text, IReadOnlyList<string> words, IReadOnlyCollection<string> offered)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var language in new[] { "fr", "es", "en", "nl" })
        {
            scores[language] = Hits(words, language);
        }

        var lower = text.ToLowerInvariant();
        scores["es"] += lower.Count(c => c is 'ñ' or '¿' or '¡') * 2 + lower.Count(c => c is 'á' or 'í' or 'ó' or 'ú');
        scores["fr"] += lower.Count(c => c is 'ç' or 'œ' or 'è' or 'ê' or 'à' or 'â' or 'ù' or 'û' or 'î' or 'ô' or 'ë' or 'ï') * 2;
        scores["ar"] = Hits(words, "ar-latn") * 1.5 + words.Count(IsArabiziWord) * 2;

        var ranked = scores.Where(s => offered.Contains(s.Key) && s.Value > 0).OrderByDescending(s => s.Value).ToList();
        if (ranked.Count == 0)
        {
            return null;
        }

        var second = ranked.Count > 1 ? ranked[1].Value : 0;
        if (ranked[0].Value == second)
        {
            return null;
        }

        return new LanguageGuess(ranked[0].Key, Math.Round(ranked[0].Value / (ranked[0].Value + second + 1), 2));
    }

    private static double Hits(IReadOnlyList<string> words, string profile) =>
        words.Count(LanguageProfiles.Words[profile].Contains);

    /// <summary>A Latin word with the digits Arabizi uses for Arabic sounds (3 ع, 7 ح, 9 ق, 2 ء, 5 خ), as in 3afak or s7i7.</summary>
    private static bool IsArabiziWord(string word) =>
        word.Length >= 3 && word.Any(char.IsAsciiLetter) && word.Any(c => c is '2' or '3' or '5' or '7' or '9')
        && !word.All(c => char.IsAsciiDigit(c) || c is 'h' or 'e' or 'r' or 'm');
}
