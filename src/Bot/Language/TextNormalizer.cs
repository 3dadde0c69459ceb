using System.Globalization;
using System.Text;

namespace Reach.Bot.Language;

/// <summary>
/// Folds a message into the form used for matching: lower case, no accents or Arabic diacritics,
/// one form of each Arabic letter family, Western digits, one apostrophe, no punctuation or emoji,
/// French and Italian-style elisions split off. The same function is applied to content and messages.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Normalises <paramref name="text"/>; never throws, whatever the input.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var previousSpace = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                // Emoji and other astral characters (or a lone surrogate) never carry meaning here.
                Space(builder, ref previousSpace);
                continue;
            }

            foreach (var folded in Fold(c))
            {
                if (folded == ' ')
                {
                    Space(builder, ref previousSpace);
                }
                else
                {
                    builder.Append(folded);
                    previousSpace = false;
                }
            }
        }

        if (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    /// <summary>Normalised words, with French elisions (l', qu', d'…) removed.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        foreach (var raw in Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw;
            var apostrophe = word.IndexOf('\'', StringComparison.Ordinal);
            if (apostrophe is > 0 and <= 3 && IsLatin(word[0]))
            {
                // l'atelier, qu'est, d'identité, j'ai: keep the word after the elision.
                word = word[(apostrophe + 1)..];
            }

            word = word.Replace("'", string.Empty, StringComparison.Ordinal);
            if (word.Length > 0)
            {
                words.Add(word);
            }
        }

        return words;
    }

    private static void Space(StringBuilder builder, ref bool previousSpace)
    {
        if (!previousSpace)
        {
            builder.Append(' ');
            previousSpace = true;
        }
    }

    private static bool IsLatin(char c) => c is >= 'a' and <= 'z';

    private static IEnumerable<char> Fold(char c)
    {
        switch (c)
        {
            // Arabic: hamza and madda forms of alef, alef maqsura, ta marbuta, hamza carriers.
            case 'أ' or 'إ' or 'آ' or 'ٱ':
                yield return 'ا';
                yield break;
            case 'ى':
                yield return 'ي';
                yield break;
            case 'ة':
                yield return 'ه';
                yield break;
            case 'ؤ':
                yield return 'و';
                yield break;
            case 'ئ':
                yield return 'ي';
                yield break;
            case 'ـ': // tatweel
                yield break;
            case 'ک':
                yield return 'ك';
                yield break;
            case 'ی':
                yield return 'ي';
                yield break;

            // Cyrillic: ё is written е; the Ukrainian apostrophe comes in several forms.
            case 'ё' or 'Ё':
                yield return 'е';
                yield break;
            case '\'' or 'ʼ' or '’' or '‘' or '`' or '´' or 'ʻ':
                yield return '\'';
                yield break;
        }

        if (c is >= '\u064B' and <= '\u065F' or '\u0670')
        {
            yield break; // Arabic diacritics (tashkeel) and superscript alef.
        }

        if (c is >= '\u0660' and <= '\u0669')
        {
            yield return (char)('0' + (c - '\u0660'));
            yield break;
        }

        if (c is >= '\u06F0' and <= '\u06F9')
        {
            yield return (char)('0' + (c - '\u06F0'));
            yield break;
        }

        switch (c)
        {
            case 'œ' or 'Œ':
                yield return 'o';
                yield return 'e';
                yield break;
            case 'æ' or 'Æ':
                yield return 'a';
                yield return 'e';
                yield break;
            case 'ß':
                yield return 's';
                yield return 's';
                yield break;
        }

        if (char.IsLetterOrDigit(c))
        {
            var lower = char.ToLowerInvariant(c);
            if (lower < '\u0250')
            {
                // Latin with accents: é è ê ë → e, ñ → n, ç → c…
                var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
                foreach (var part in decomposed)
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                    {
                        yield return part;
                    }
                }

                yield break;
            }

            yield return lower;
            yield break;
        }

        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
        {
            yield break;
        }

        yield return ' ';
    }
}
