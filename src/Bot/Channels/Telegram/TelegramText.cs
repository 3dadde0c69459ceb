using System.Buffers;
using System.Globalization;
using System.Text;

namespace Reach.Bot.Channels.Telegram;

/// <summary>
/// Text for <c>sendMessage</c> with <c>parse_mode</c> HTML. Split the plain text first, then escape each part:
/// the 4096 limit applies "after entities parsing", so an escaped <c>&amp;amp;</c> counts as one character.
/// </summary>
internal static class TelegramText
{
    /// <summary>The Bot API's limit on <c>text</c>.</summary>
    public const int MaxLength = 4096;

    private static readonly SearchValues<char> HtmlSpecial = SearchValues.Create("&<>");

    /// <summary>Sentence ends: Latin, Arabic (؟ ۔) and CJK.</summary>
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?…؟۔。！？");

    /// <summary>What may follow a sentence end before the space: quotes and brackets.</summary>
    private static readonly SearchValues<char> Closers = SearchValues.Create("\"')]»”’」");

    /// <summary>
    /// Escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>, the only characters the Bot API's HTML mode requires escaped
    /// (quotes only matter inside attributes, which Reach never builds from user text).
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny(HtmlSpecial))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => null,
            } ?? c.ToString());
        }

        return builder.ToString();
    }

    /// <summary>
    /// Splits <paramref name="text"/> into parts of at most <paramref name="max"/> UTF-16 code units (the Bot API's
    /// "characters" are unconfirmed: UTF-16 units are never fewer than code points, so this is the safe count).
    /// Cuts at the last sentence end, else line break, else space, preferring cuts in the second half of the window;
    /// failing all of these, at a text-element boundary, so never inside a surrogate pair or before a combining mark.
    /// The whitespace at each cut is dropped; no part is empty; blank text gives no parts.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (text.Length <= max)
        {
            return [text];
        }

        var parts = new List<string>();
        var start = 0;
        while (text.Length - start > max)
        {
            var cut = FindCut(text, start, max);
            var part = text[start..cut].TrimEnd();
            if (part.Length > 0)
            {
                parts.Add(part);
            }

            start = SkipWhiteSpace(text, cut);
        }

        if (start < text.Length)
        {
            parts.Add(text[start..]);
        }

        return parts;
    }

    /// <summary>The end (exclusive) of the part starting at <paramref name="start"/>; <c>text.Length &gt; start + max</c>.</summary>
    private static int FindCut(string text, int start, int max)
    {
        var end = start + max;
        foreach (var lowest in (ReadOnlySpan<int>)[start + (max / 2), start + 1])
        {
            if (LastCut(text, start, lowest, end, IsSentenceEnd) is { } sentence)
            {
                return sentence;
            }

            if (LastCut(text, start, lowest, end, static (t, _, i) => t[i] == '\n') is { } line)
            {
                return line;
            }

            if (LastCut(text, start, lowest, end, static (t, _, i) => IsBreakingSpace(t[i])) is { } space)
            {
                return space;
            }
        }

        return HardCut(text, start, end);
    }

    /// <summary>The highest i in [lowest, end] where the part may end (text[i] is the first character left out).</summary>
    private static int? LastCut(string text, int start, int lowest, int end, Func<string, int, int, bool> isCut)
    {
        for (var i = end; i >= lowest; i--)
        {
            if (isCut(text, start, i))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// A space after a sentence end, allowing closing quotes and brackets in between, French-spaced ones included
    /// (<c>« Oui. »</c>), and not followed by one (which belongs to the sentence before).
    /// </summary>
    private static bool IsSentenceEnd(string text, int start, int i)
    {
        if (!IsBreakingSpace(text[i]))
        {
            return false;
        }

        var next = i + 1;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next < text.Length && Closers.Contains(text[next]))
        {
            return false;
        }

        var j = i - 1;
        while (j > start && (Closers.Contains(text[j]) || (char.IsWhiteSpace(text[j]) && Closers.Contains(text[j + 1]))))
        {
            j--;
        }

        return SentenceEnds.Contains(text[j]);
    }

    /// <summary>Whitespace a line may break at: not the no-break spaces of French typography ("10\u00A0h", "mardi\u202F?").</summary>
    private static bool IsBreakingSpace(char c) => char.IsWhiteSpace(c) && c is not ('\u00A0' or '\u202F' or '\u2007');

    private static int HardCut(string text, int start, int end)
    {
        var cut = start;
        while (cut < end)
        {
            var length = StringInfo.GetNextTextElementLength(text.AsSpan(cut));
            if (cut + length > end)
            {
                break;
            }

            cut += length;
        }

        if (cut > start)
        {
            return cut;
        }

        // One text element longer than max (a long run of combining marks): cut it, but not inside a surrogate pair.
        return char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1]) ? end - 1 : end;
    }

    private static int SkipWhiteSpace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }
}
