using Reach.Notifications.Delivery.Sms;

namespace Reach.Bot.Tests.Channels;

// Rules and vectors: channel-apis.md §3 (Twilio's message-segment-calculator and its test suite).
public class SmsSegmentsTests
{
    private const string Arabic = "مرحبا، موعدك غدا الساعة العاشرة في مكتب الجمعية. لا تنس بطاقة الهوية.";
    private const string Ukrainian = "Нагадування: зустріч завтра о 10:00 в офісі асоціації. Візьміть з собою посвідчення особи, будь ласка.";
    private const string Reminder = "Rappel : atelier informatique demain à 10h au local de l'asbl, rue Haute 12. Apportez votre carte d'identité et un stylo.";

    [Theory]
    [InlineData("{", 158, SmsEncoding.Gsm7, 1, 1120)]
    [InlineData("{", 159, SmsEncoding.Gsm7, 2, 1127)]
    [InlineData("😜", 68, SmsEncoding.Ucs2, 1, 1120)]
    [InlineData("😜", 69, SmsEncoding.Ucs2, 2, 1136)]
    public void Official_calculator_vectors(string first, int digits, SmsEncoding encoding, int segments, int messageBits)
    {
        var text = first + Digits(digits);

        var info = SmsSegments.Measure(text);

        info.Encoding.ShouldBe(encoding);
        info.Segments.ShouldBe(segments);
        (info.Units * (encoding == SmsEncoding.Gsm7 ? 7 : 16)).ShouldBe(messageBits);
        SmsSegments.Count(text).ShouldBe(segments);
    }

    [Fact]
    public void Whole_basic_table_is_gsm7_at_one_septet_each()
    {
        var table = "@£$¥èéùìòÇ\nØø\rÅå" + "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" + " !\"#¤%&'()*+,-./" + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO" + "PQRSTUVWXYZÄÖÑÜ§" + "¿abcdefghijklmno" + "pqrstuvwxyzäöñüà";

        SmsSegments.Measure(table).ShouldBe(new SmsSegmentInfo(SmsEncoding.Gsm7, 127, 1, 160));
    }

    [Theory]
    [InlineData("é")]
    [InlineData("è")]
    [InlineData("ù")]
    [InlineData("ì")]
    [InlineData("ò")]
    [InlineData("Ç")]
    [InlineData("à")]
    [InlineData("ä")]
    [InlineData("ö")]
    [InlineData("ü")]
    [InlineData("É")]
    [InlineData("ñ")]
    [InlineData("ß")]
    [InlineData("Rappel : rendez-vous demain à 10h à l'asbl.")]
    public void French_and_dutch_letters_in_the_gsm_table_stay_gsm7(string text) =>
        SmsSegments.Encoding(text).ShouldBe(SmsEncoding.Gsm7);

    [Theory]
    [InlineData("ê")]
    [InlineData("â")]
    [InlineData("î")]
    [InlineData("ô")]
    [InlineData("û")]
    [InlineData("ç")]
    [InlineData("œ")]
    [InlineData("ë")]
    [InlineData("ï")]
    [InlineData("ÿ")]
    [InlineData("À")]
    [InlineData("È")]
    [InlineData("Ù")]
    [InlineData("Œ")]
    [InlineData("«")]
    [InlineData("’")]
    [InlineData("–")]
    [InlineData("…")]
    [InlineData("`")]
    [InlineData("Noël")]
    [InlineData("België")]
    [InlineData("crème brûlée")]
    [InlineData("ça va")]
    [InlineData("l’asbl")]
    public void Other_accents_and_typographic_punctuation_force_ucs2(string text) =>
        SmsSegments.Encoding(text).ShouldBe(SmsEncoding.Ucs2);

    [Theory]
    [InlineData("€")]
    [InlineData("[")]
    [InlineData("]")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("~")]
    [InlineData("^")]
    [InlineData("|")]
    [InlineData("\\")]
    [InlineData("\f")]
    public void Extension_characters_count_two_septets(string text) =>
        SmsSegments.Measure(text).ShouldBe(new SmsSegmentInfo(SmsEncoding.Gsm7, 2, 1, 160));

    [Theory]
    [InlineData(160, 'a', 160, 1)]
    [InlineData(161, 'a', 161, 2)]
    [InlineData(306, 'a', 306, 2)]
    [InlineData(307, 'a', 307, 3)]
    [InlineData(80, '€', 160, 1)]
    [InlineData(81, '€', 162, 2)]
    public void Gsm7_limits_are_160_alone_and_153_concatenated(int length, char c, int units, int segments)
    {
        var info = SmsSegments.Measure(new string(c, length));

        info.Encoding.ShouldBe(SmsEncoding.Gsm7);
        info.Units.ShouldBe(units);
        info.Segments.ShouldBe(segments);
        info.UnitsPerSegment.ShouldBe(segments == 1 ? 160 : 153);
    }

    [Fact]
    public void Escape_pair_is_never_split_across_segments()
    {
        var text = new string('a', 152) + "{" + new string('a', 152);

        SmsSegments.Measure(text).ShouldBe(new SmsSegmentInfo(SmsEncoding.Gsm7, 306, 3, 153));
    }

    [Theory]
    [InlineData("😜")]
    [InlineData("❤️")] // U+2764 U+FE0F: one grapheme of two code units
    public void Two_unit_character_at_a_segment_boundary_moves_whole_to_the_next_segment(string character)
    {
        var text = new string('a', 66) + character + new string('a', 66);

        SmsSegments.Measure(text).ShouldBe(new SmsSegmentInfo(SmsEncoding.Ucs2, 134, 3, 67));
    }

    [Fact]
    public void Flag_emoji_is_one_grapheme_of_four_units_kept_whole()
    {
        var text = new string('a', 65) + "🇧🇪" + new string('a', 65);

        SmsSegments.Measure(text).ShouldBe(new SmsSegmentInfo(SmsEncoding.Ucs2, 134, 3, 67));
    }

    [Theory]
    [InlineData("Hi 😀", SmsEncoding.Ucs2, 5, 1)]
    [InlineData("Prix: 5€", SmsEncoding.Gsm7, 9, 1)]
    [InlineData("a\r\nb", SmsEncoding.Gsm7, 4, 1)]
    [InlineData("ê\r\n", SmsEncoding.Ucs2, 3, 1)]
    [InlineData("", SmsEncoding.Gsm7, 0, 1)]
    [InlineData(Arabic, SmsEncoding.Ucs2, 69, 1)]
    [InlineData(Arabic + " " + Arabic, SmsEncoding.Ucs2, 139, 3)]
    [InlineData(Ukrainian, SmsEncoding.Ucs2, 102, 2)]
    public void Measures_short_and_foreign_texts(string text, SmsEncoding encoding, int units, int segments)
    {
        var info = SmsSegments.Measure(text);

        info.Encoding.ShouldBe(encoding);
        info.Units.ShouldBe(units);
        info.Segments.ShouldBe(segments);
    }

    [Fact]
    public void One_ucs2_character_switches_the_whole_message()
    {
        var text = new string('é', 70) + "ê";

        SmsSegments.Measure(text).ShouldBe(new SmsSegmentInfo(SmsEncoding.Ucs2, 71, 2, 67));
    }

    [Fact]
    public void Fit_returns_a_text_within_budget_unchanged() =>
        SmsSegments.Fit(Reminder, 1).ShouldBe(Reminder);

    [Fact]
    public void Fit_cuts_gsm7_text_after_the_last_sentence_with_three_dots()
    {
        var text = Reminder + " Les enfants sont les bienvenus, une garderie est prévue sur place.";

        var fitted = SmsSegments.Fit(text, 1);

        fitted.ShouldBe(Reminder[..^1] + "...");
        SmsSegments.Measure(fitted).ShouldBe(new SmsSegmentInfo(SmsEncoding.Gsm7, 123, 1, 160));
    }

    [Fact]
    public void Fit_cuts_before_a_word_and_keeps_gsm7_when_the_ucs2_character_is_cut_off()
    {
        var text = "Rappel : l'atelier informatique a lieu demain à 10h au local de l'asbl, rue Haute 12, au premier étage à gauche "
            + "en sortant de l'ascenseur, à côté de la salle de réunion";

        var fitted = SmsSegments.Fit(text, 1);

        fitted.ShouldBe("Rappel : l'atelier informatique a lieu demain à 10h au local de l'asbl, rue Haute 12, au premier étage à gauche "
            + "en sortant de l'ascenseur, à...");
        SmsSegments.Encoding(fitted).ShouldBe(SmsEncoding.Gsm7);
        SmsSegments.Count(fitted).ShouldBe(1);
    }

    [Fact]
    public void Fit_uses_the_ellipsis_character_for_ucs2_text()
    {
        var fitted = SmsSegments.Fit(Ukrainian, 1);

        fitted.ShouldBe("Нагадування: зустріч завтра о 10:00 в офісі асоціації…");
        SmsSegments.Measure(fitted).ShouldBe(new SmsSegmentInfo(SmsEncoding.Ucs2, 54, 1, 70));
    }

    [Fact]
    public void Fit_keeps_arabic_within_one_segment()
    {
        var fitted = SmsSegments.Fit(Arabic + " " + Arabic, 1);

        fitted.ShouldBe("مرحبا، موعدك غدا الساعة العاشرة في مكتب الجمعية. لا تنس بطاقة الهوية…");
        SmsSegments.Measure(fitted).ShouldBe(new SmsSegmentInfo(SmsEncoding.Ucs2, 69, 1, 70));
    }

    [Fact]
    public void Fit_keeps_arabic_within_two_segments()
    {
        var fitted = SmsSegments.Fit(Arabic + " " + Arabic, 2);

        fitted.ShouldBe(Arabic + " مرحبا، موعدك غدا الساعة العاشرة في مكتب الجمعية…");
        SmsSegments.Measure(fitted).ShouldBe(new SmsSegmentInfo(SmsEncoding.Ucs2, 118, 2, 67));
    }

    [Fact]
    public void Fit_cuts_mid_word_when_there_is_no_space()
    {
        var fitted = SmsSegments.Fit(new string('a', 400), 2);

        fitted.ShouldBe(new string('a', 303) + "...");
        SmsSegments.Count(fitted).ShouldBe(2);
    }

    [Fact]
    public void Fit_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 60) + string.Concat(Enumerable.Repeat("😀", 10));

        var fitted = SmsSegments.Fit(text, 1);

        fitted.ShouldBe(new string('a', 60) + "😀😀😀😀…");
        SmsSegments.Measure(fitted).ShouldBe(new SmsSegmentInfo(SmsEncoding.Ucs2, 69, 1, 70));
    }

    [Fact]
    public void Fit_refuses_a_budget_below_one_segment() =>
        Should.Throw<ArgumentOutOfRangeException>(() => SmsSegments.Fit(Reminder, 0));

    /// <summary>The calculator tests' cyclic digit string, starting at 2.</summary>
    private static string Digits(int length) =>
        string.Concat(Enumerable.Range(2, length).Select(i => (char)('0' + (i % 10))));
}
