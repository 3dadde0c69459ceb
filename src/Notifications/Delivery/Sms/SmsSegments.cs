using System.Buffers;
using System.Globalization;

namespace Reach.Notifications.Delivery.Sms;

/// <summary>
/// Counts the SMS segments a body costs, as Twilio's calculator does (TwilioDevEd/message-segment-calculator,
/// <c>src/libs/SegmentedMessage.ts</c>): GSM-7 unless any character is outside GSM 03.38, then UCS-2 for the whole body;
/// 160 septets or 70 code units alone, 153 or 67 per segment when concatenated; a character never straddles two segments.
/// </summary>
public static class SmsSegments
{
    private const int Gsm7Single = 160;
    private const int Gsm7Concatenated = 153;
    private const int Ucs2Single = 70;
    private const int Ucs2Concatenated = 67;

    // GSM 03.38 default alphabet as Twilio maps it (UnicodeToGSM.ts), rows 0x0_ to 0x7_ without ESC: 127 characters.
    // Only capital Ç (U+00C7) is at 0x09, so lower-case ç is UCS-2 on Twilio.
    private static readonly SearchValues<char> Basic = SearchValues.Create(
        "@£$¥èéùìòÇ\nØø\rÅå" +
        "\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039EÆæßÉ" +
        " !\"#¤%&'()*+,-./" +
        "0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNO" +
        "PQRSTUVWXYZÄÖÑÜ§" +
        "¿abcdefghijklmno" +
        "pqrstuvwxyzäöñüà");

    // Extension table: ESC + code, so 2 septets each.
    private static readonly SearchValues<char> Extension = SearchValues.Create("\f^{}\\[~]|€");

    /// <summary>GSM-7 when every character is in the GSM 03.38 basic or extension table, else UCS-2.</summary>
    public static SmsEncoding Encoding(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (!Basic.Contains(c) && !Extension.Contains(c))
            {
                return SmsEncoding.Ucs2;
            }
        }

        return SmsEncoding.Gsm7;
    }

    /// <summary>The number of SMS segments <paramref name="text"/> is billed as; 1 for an empty body.</summary>
    public static int Count(string text) => Measure(text).Segments;

    /// <summary>Encoding, size in septets or code units, segments and per-segment capacity of <paramref name="text"/>.</summary>
    public static SmsSegmentInfo Measure(string text)
    {
        var encoding = Encoding(text);
        var atoms = Atoms(text, encoding);
        var units = atoms.Sum(a => a.Cost);
        var single = encoding == SmsEncoding.Gsm7 ? Gsm7Single : Ucs2Single;
        if (units <= single)
        {
            return new SmsSegmentInfo(encoding, units, 1, single);
        }

        var capacity = encoding == SmsEncoding.Gsm7 ? Gsm7Concatenated : Ucs2Concatenated;
        var segments = 1;
        var used = 0;
        foreach (var atom in atoms)
        {
            if (used + atom.Cost > capacity)
            {
                segments++;
                used = 0;
            }

            used += atom.Cost;
        }

        return new SmsSegmentInfo(encoding, units, segments, capacity);
    }

    /// <summary>
    /// Returns <paramref name="text"/> unchanged when it fits in <paramref name="maxSegments"/>; otherwise the longest
    /// beginning that fits together with an ellipsis, cut after the last sentence or, failing that, before the last
    /// word that fits (a boundary is used when it keeps at least half of what would fit), else mid-word.
    /// The ellipsis is three dots "..." when the kept text is GSM-7, because "…" is not in GSM-7 and would switch the
    /// whole SMS to UCS-2 (70/67 units instead of 160/153); a kept text already in UCS-2 gets "…", which costs 1 unit.
    /// </summary>
    public static string Fit(string text, int maxSegments)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSegments, 1);
        if (Count(text) <= maxSegments)
        {
            return text;
        }

        // Cut points between characters (never inside a surrogate pair or grapheme); the empty cut always fits.
        var cuts = Atoms(text, Encoding(text)).Select(a => a.Start).ToList();
        int low = 0, high = cuts.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Count(Shorten(text[..cuts[middle]])) <= maxSegments)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var hardCut = cuts[low];
        var sentence = LastSentenceEnd(text, hardCut);
        var word = LastWordEnd(text, hardCut);
        var preferred = sentence > 0 && sentence >= hardCut / 2
            ? Shorten(text[..sentence].TrimEnd('.', '…'))
            : word > 0 && word >= hardCut / 2 ? Shorten(text[..word]) : null;

        // A boundary before the hard cut keeps less text, so it fits too; checked anyway rather than assumed.
        return preferred is not null && Count(preferred) <= maxSegments ? preferred : Shorten(text[..hardCut]);
    }

    private static string Shorten(string kept)
    {
        var end = kept.Length;
        while (end > 0 && (char.IsWhiteSpace(kept[end - 1]) || kept[end - 1] is ',' or ';' or ':'))
        {
            end--;
        }

        kept = kept[..end];
        return kept + (Encoding(kept) == SmsEncoding.Gsm7 ? "..." : "…");
    }

    /// <summary>The largest index at most <paramref name="limit"/> just after a sentence-ending mark followed by a space or the end.</summary>
    private static int LastSentenceEnd(string text, int limit)
    {
        for (var i = limit; i > 0; i--)
        {
            if (text[i - 1] is '.' or '!' or '?' or '…' && (i == text.Length || char.IsWhiteSpace(text[i])))
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>The largest index at most <paramref name="limit"/> where a space starts.</summary>
    private static int LastWordEnd(string text, int limit)
    {
        for (var i = Math.Min(limit, text.Length - 1); i > 0; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>
    /// The indivisible pieces of a body and their cost. GSM-7: one per character, 1 or 2 septets. UCS-2: one per
    /// grapheme, costing its UTF-16 units (an emoji is 2), with CR LF as two pieces like Twilio's calculator; a grapheme
    /// longer than a segment is split between code points so that a surrogate pair still stays whole.
    /// </summary>
    private static List<Atom> Atoms(string text, SmsEncoding encoding)
    {
        var atoms = new List<Atom>(text.Length);
        if (encoding == SmsEncoding.Gsm7)
        {
            for (var i = 0; i < text.Length; i++)
            {
                atoms.Add(new Atom(i, Extension.Contains(text[i]) ? 2 : 1));
            }

            return atoms;
        }

        var start = 0;
        while (start < text.Length)
        {
            var length = StringInfo.GetNextTextElementLength(text.AsSpan(start));
            if (length == 2 && text[start] == '\r' && text[start + 1] == '\n')
            {
                length = 1;
            }

            if (length <= Ucs2Concatenated)
            {
                atoms.Add(new Atom(start, length));
            }
            else
            {
                for (var i = start; i < start + length;)
                {
                    var pair = char.IsHighSurrogate(text[i]) && i + 1 < start + length && char.IsLowSurrogate(text[i + 1]);
                    atoms.Add(new Atom(i, pair ? 2 : 1));
                    i += pair ? 2 : 1;
                }
            }

            start += length;
        }

        return atoms;
    }

    private readonly record struct Atom(int Start, int Cost);
}
