using System.Globalization;
using System.Text;
using Reach.Bot.Channels.Telegram;

namespace Reach.Bot.Tests.Channels.Telegram;

public sealed class TelegramTextTests
{
    [Theory]
    [InlineData("Rendez-vous à 10h00.", "Rendez-vous à 10h00.")]
    [InlineData("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d")]
    [InlineData("<b>\"Oui\"</b> 'non'", "&lt;b&gt;\"Oui\"&lt;/b&gt; 'non'")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("", "")]
    public void Escape_replaces_only_ampersand_and_angle_brackets(string text, string escaped)
    {
        TelegramText.Escape(text).ShouldBe(escaped);
    }

    [Fact]
    public void Short_text_is_one_part_unchanged()
    {
        TelegramText.Split("  Bonjour !  ", 13).ShouldBe(["  Bonjour !  "]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void Blank_text_gives_no_parts(string text)
    {
        TelegramText.Split(text, 10).ShouldBeEmpty();
    }

    [Fact]
    public void Long_text_is_cut_after_the_last_sentence_that_fits()
    {
        TelegramText.Split("Le centre ouvre à 9h. Venez tôt ! Le café est offert. Merci.", 40)
            .ShouldBe(["Le centre ouvre à 9h. Venez tôt !", "Le café est offert. Merci."]);
    }

    [Fact]
    public void Sentence_ends_include_closing_quotes_and_arabic_question_marks()
    {
        TelegramText.Split("هل تريد موعدا؟ اكتب نعم أو لا من فضلك", 22).ShouldBe(["هل تريد موعدا؟", "اكتب نعم أو لا من فضلك"]);
        TelegramText.Split("Il a dit « Oui. » Puis il est parti vite", 24).ShouldBe(["Il a dit « Oui. »", "Puis il est parti vite"]);
        TelegramText.Split("Il a dit «\u00A0Oui.\u00A0» Puis il est parti vite", 24).ShouldBe(["Il a dit «\u00A0Oui.\u00A0»", "Puis il est parti vite"]);
        TelegramText.Split("Elle a dit (oui.) Puis elle est partie", 24).ShouldBe(["Elle a dit (oui.)", "Puis elle est partie"]);
    }

    [Fact]
    public void Without_sentences_lines_then_words_are_used()
    {
        TelegramText.Split("Lundi 9h-12h\nMardi 9h-12h\nMercredi fermé", 30).ShouldBe(["Lundi 9h-12h\nMardi 9h-12h", "Mercredi fermé"]);
        TelegramText.Split("un deux trois quatre cinq six sept", 15).ShouldBe(["un deux trois", "quatre cinq six", "sept"]);
    }

    [Fact]
    public void No_break_spaces_are_not_cut_at()
    {
        TelegramText.Split("Ouvert de 9\u00A0h à 17\u00A0h", 12).ShouldBe(["Ouvert de", "9\u00A0h à 17\u00A0h"]);
    }

    [Fact]
    public void A_sentence_end_in_the_first_half_loses_to_a_later_line_break()
    {
        // Cutting after "Oui." would leave a 4-character part; the line break at 20 keeps parts full.
        TelegramText.Split("Oui. horaires du lundi\nfermé le mardi", 24).ShouldBe(["Oui. horaires du lundi", "fermé le mardi"]);
    }

    [Fact]
    public void A_hard_cut_never_splits_a_surrogate_pair_or_a_combining_mark()
    {
        var emoji = new string('a', 9) + "😀" + "bbbb";
        TelegramText.Split(emoji, 10).ShouldBe([new string('a', 9), "😀bbbb"]);

        var combining = new string('a', 8) + "e\u0301" + "cc";
        TelegramText.Split(combining, 9).ShouldBe([new string('a', 8), "e\u0301cc"]);
    }

    [Fact]
    public void A_long_text_splits_into_full_parts_that_rebuild_it()
    {
        var text = LongText();

        var parts = TelegramText.Split(text, 4096);

        parts.Count.ShouldBe(4);
        parts.ShouldAllBe(p => p.Length <= 4096);
        parts.Take(parts.Count - 1).ShouldAllBe(p => p.Length > 2048 && (p.EndsWith('.') || p.EndsWith('?')));
        parts.ShouldAllBe(p => !char.IsLowSurrogate(p[0]) && !char.IsHighSurrogate(p[p.Length - 1]));
        ShouldRebuild(text, parts);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(500)]
    public void Every_part_fits_and_the_parts_rebuild_the_text(int max)
    {
        var text = LongText()[..3000];

        var parts = TelegramText.Split(text, max);

        parts.ShouldAllBe(p => p.Length > 0 && p.Length <= max && p.Trim().Length > 0);
        ShouldRebuild(text, parts);
    }

    [Fact]
    public void A_maximum_below_two_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => TelegramText.Split("abc", 1));
    }

    /// <summary>Walks the text: each part must follow at the position reached, after only whitespace.</summary>
    private static void ShouldRebuild(string text, IReadOnlyList<string> parts)
    {
        var position = 0;
        foreach (var part in parts)
        {
            while (char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            text.Substring(position, part.Length).ShouldBe(part);
            position += part.Length;
        }

        text[position..].Trim().ShouldBe("");
    }

    private static string LongText()
    {
        var text = new StringBuilder();
        for (var i = 1; text.Length < 14_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Phrase {i} : l'atelier 👩‍🍳 de cuisine a lieu mardi")
                .Append(i % 7 == 0 ? " ? " : ". ")
                .Append(i % 11 == 0 ? "\n\n" : "");
        }

        return text.ToString();
    }
}
