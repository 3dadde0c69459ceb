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
        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
            {
                // Emoji and other astral characters (or a lone surrogate) never carry meaning here.
                Space(builder);
            }
            else
            {
                Fold(c, builder);
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

    private static void Space(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != ' ')
        {
            builder.Append(' ');
        }
    }

    private static bool IsLatin(char c) => c is >= 'a' and <= 'z';

    /// <summary>Appends the folded form of one character: nothing, a space, or one or two letters.</summary>
    private static void Fold(char c, StringBuilder builder)
    {
        if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
        {
            builder.Append(c);
            return;
        }

        if (c is >= 'A' and <= 'Z')
        {
            builder.Append((char)(c + 32));
            return;
        }

        switch (c)
        {
            // Arabic: hamza and madda forms of alef, alef maqsura, ta marbuta, hamza carriers, Persian letters.
            case 'أ' or 'إ' or 'آ' or 'ٱ':
                builder.Append('ا');
                return;
            case 'ى' or 'ئ' or 'ی':
                builder.Append('ي');
                return;
            case 'ة':
                builder.Append('ه');
                return;
            case 'ؤ':
                builder.Append('و');
                return;
            case 'ک':
                builder.Append('ك');
                return;
            case 'ـ': // tatweel
                return;

            // Cyrillic: ё is written е; the Ukrainian apostrophe comes in several forms.
            case 'ё' or 'Ё':
                builder.Append('е');
                return;
            case '\'' or 'ʼ' or '’' or '‘' or '`' or '´' or 'ʻ':
                builder.Append('\'');
                return;
            case 'œ' or 'Œ':
                builder.Append("oe");
                return;
            case 'æ' or 'Æ':
                builder.Append("ae");
                return;
            case 'ß':
                builder.Append("ss");
                return;
        }

        if (c is >= '\u064B' and <= '\u065F' or '\u0670')
        {
            return; // Arabic diacritics (tashkeel) and superscript alef.
        }

        if (c is >= '\u0660' and <= '\u0669')
        {
            builder.Append((char)('0' + (c - '\u0660')));
            return;
        }

        if (c is >= '\u06F0' and <= '\u06F9')
        {
            builder.Append((char)('0' + (c - '\u06F0')));
            return;
        }

        if (char.IsLetterOrDigit(c))
        {
            var lower = char.ToLowerInvariant(c);
            if (lower < '\u0250')
            {
                // Latin with accents: é è ê ë → e, ñ → n, ç → c…
                foreach (var part in lower.ToString().Normalize(NormalizationForm.FormD))
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(part);
                    }
                }

                return;
            }

            builder.Append(lower);
            return;
        }

        if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
        {
            Space(builder);
        }
    }
}
