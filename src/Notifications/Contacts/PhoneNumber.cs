using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Reach.Notifications.Contacts;

/// <summary>
/// Normalises phone numbers as people write them to E.164. Belgian numbers are checked against the Belgian numbering
/// plan (libphonenumber metadata for BE); numbers of other countries, written with + or 00, get a generic E.164 check.
/// </summary>
public static partial class PhoneNumber
{
    private const string BelgianCode = "32";

    /// <summary>
    /// Accepts digits, spaces and . / - ( ), with an optional leading + and an optional "(0)" after the country code.
    /// A number without 0, + or 00 in front (like 470123456) is refused as ambiguous rather than guessed.
    /// </summary>
    public static PhoneNumberResult Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Refuse("No phone number was given.");
        }

        var written = input.Trim();
        var plus = written.StartsWith('+');
        var digits = new StringBuilder(written.Length);
        for (var i = plus ? 1 : 0; i < written.Length; i++)
        {
            var c = written[i];
            if (char.IsDigit(c))
            {
                // Also Arabic-Indic and other decimal digits, as phones may type them.
                digits.Append((char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)));
            }
            else if (c == '+')
            {
                return Refuse($"{written} has a + that is not at the start; write + only before the country code, like +32 470 12 34 56.");
            }
            else if (!char.IsWhiteSpace(c) && c is not ('.' or '/' or '-' or '(' or ')'))
            {
                return Refuse($"{written} contains '{c}'; a phone number has only digits, spaces and . / - ( ), with + or 00 before a country code.");
            }
        }

        var number = digits.ToString();
        if (number.Length == 0)
        {
            return Refuse($"{written} has no digits.");
        }

        // "+32 (0)470…", "+44 (0)20…": the bracketed trunk 0 is not dialled from abroad. Nationally "(0)2…" keeps its 0.
        var international = plus || number.StartsWith("00", StringComparison.Ordinal);
        if (international && written.Contains("(0)", StringComparison.Ordinal))
        {
            number = RemoveBracketedZero(written, plus);
        }

        if (plus)
        {
            return number.StartsWith(BelgianCode, StringComparison.Ordinal)
                ? Belgian(written, number[BelgianCode.Length..], "+32")
                : Foreign(written, number, "+");
        }

        if (number.StartsWith("00", StringComparison.Ordinal))
        {
            return number.StartsWith("0032", StringComparison.Ordinal)
                ? Belgian(written, number[4..], "0032")
                : Foreign(written, number[2..], "00");
        }

        if (number.StartsWith('0'))
        {
            return Belgian(written, number[1..], prefix: null);
        }

        return Refuse($"{written} starts with neither 0, + nor 00, so its country is unclear; write a Belgian number with its 0, like 0470 12 34 56, or a foreign one with + and its country code, like +33 6 12 34 56 78.");
    }

    /// <summary>Belgian mobiles and foreign numbers (which cannot be classified here; Twilio reports a landline).</summary>
    public static bool CanReceiveSms(PhoneNumberResult number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.IsValid
            && (number.Kind == PhoneNumberKind.Mobile || !number.E164.StartsWith("+" + BelgianCode, StringComparison.Ordinal));
    }

    /// <param name="written">The trimmed input, quoted in errors.</param>
    /// <param name="nsn">The digits after the country code or the national 0.</param>
    /// <param name="prefix">"+32" or "0032" as written, or null for the national form with 0.</param>
    private static PhoneNumberResult Belgian(string written, string nsn, string? prefix)
    {
        // "+32 0470…": the national 0 written after the country code.
        var trunkZero = prefix is not null && nsn.StartsWith('0');
        if (trunkZero)
        {
            nsn = nsn[1..];
        }

        var kind = Classify(nsn);
        if (kind is not null)
        {
            return new PhoneNumberResult("+" + BelgianCode + nsn, kind.Value, Error: null);
        }

        var mobile = MobilePrefix().IsMatch(nsn);
        var expected = mobile ? 9 : 8;
        if (nsn.Length != expected && !(nsn.Length == 9 && nsn.StartsWith('4')))
        {
            var what = mobile ? "mobile" : "landline or service number";
            if (prefix is null)
            {
                var example = mobile ? "0470 12 34 56" : "02 511 22 33";
                return Refuse($"{written} has {Digits(nsn.Length + 1)}; a Belgian {what} has {Digits(expected + 1)}, like {example}.");
            }

            var after = trunkZero ? prefix + " 0" : prefix;
            var international = prefix + (mobile ? " 470 12 34 56" : " 2 511 22 33");
            return Refuse($"{written} has {Digits(nsn.Length)} after {after}; a Belgian {what} has {Digits(expected)} after {prefix}, like {international}.");
        }

        if (nsn.Length == 9)
        {
            return Refuse($"{written} is not a Belgian mobile number: those start with 045 to 049 and have 10 digits, like 0470 12 34 56.");
        }

        return Refuse($"{written} is not in any Belgian number range.");
    }

    private static PhoneNumberResult Foreign(string written, string digits, string prefix)
    {
        if (digits.StartsWith('0'))
        {
            return Refuse($"{written} has a country code starting with 0 after {prefix}; country codes start with 1 to 9, like +33 for France.");
        }

        if (digits.Length is < 8 or > 15)
        {
            return Refuse($"{written} has {Digits(digits.Length)} after {prefix}; an international number has 8 to 15 digits after {prefix}, like +33 6 12 34 56 78.");
        }

        return new PhoneNumberResult("+" + digits, PhoneNumberKind.Other, Error: null);
    }

    /// <summary>The digits of <paramref name="written"/> with every "(0)" taken out.</summary>
    private static string RemoveBracketedZero(string written, bool plus)
    {
        var text = written.Replace("(0)", string.Empty, StringComparison.Ordinal);
        var digits = new StringBuilder(text.Length);
        foreach (var c in text.AsSpan(plus ? 1 : 0))
        {
            if (char.IsDigit(c))
            {
                digits.Append((char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)));
            }
        }

        return digits.ToString();
    }

    /// <summary>The kind of a valid Belgian national significant number, or null when it is in no range.</summary>
    private static PhoneNumberKind? Classify(string nsn) =>
        Mobile().IsMatch(nsn) ? PhoneNumberKind.Mobile
        : FixedLine().IsMatch(nsn) ? PhoneNumberKind.FixedLine
        : Service().IsMatch(nsn) ? PhoneNumberKind.Other
        : null;

    private static string Digits(int count) =>
        count == 1 ? "1 digit" : string.Create(CultureInfo.InvariantCulture, $"{count} digits");

    private static PhoneNumberResult Refuse(string error) => new(E164: null, PhoneNumberKind.Other, error);

    // libphonenumber metadata for BE (daviddrysdale/python-phonenumbers, python/phonenumbers/data/region_BE.py, e1dd7e5).
    [GeneratedRegex("^4[5-9][0-9]{7}$")]
    private static partial Regex Mobile();

    [GeneratedRegex("^4[5-9]")]
    private static partial Regex MobilePrefix();

    [GeneratedRegex("^(?:80[2-8][0-9]{5}|(?:1[0-69]|[23][2-8]|4[23]|5[0-9]|6[013-57-9]|71|8[1-79]|9[2-4])[0-9]{6})$")]
    private static partial Regex FixedLine();

    // Toll-free, premium rate, shared cost and UAN: valid, but neither mobile nor landline.
    [GeneratedRegex("^(?:800[1-9][0-9]{4}|(?:70(?:2[0-57]|3[04-7]|44|6[569]|7[0579])|90(?:0[0-8]|1[36]|2[0-3568]|3[0-689]|4[02-68]|5[1-68]|6[0-378]|7[2-68]|9[34679]))[0-9]{4}|7879[0-9]{4}|78(?:0[57]|1[014-8]|2[25]|3[15-8]|48|[56]0|7[06-8]|9[0-9])[0-9]{4})$")]
    private static partial Regex Service();
}
