namespace Reach.Bot.Language;

/// <summary>
/// Keeps a person's language stable. Detection decides on first contact; afterwards a different language
/// replaces the current one only when it is detected with high confidence in two messages in a row.
/// A choice made in the language menu always wins. When nothing tells on first contact, Reach asks
/// rather than guessing, and never falls back to a language the person did not use or choose.
/// </summary>
public static class LanguagePolicy
{
    /// <summary>Confidence from which a detected language counts towards a switch.</summary>
    public const double SwitchConfidence = 0.6;

    /// <summary>How many messages in a row must be in the other language before Reach switches.</summary>
    public const int SwitchAfter = 2;

    /// <summary>Each language's name in its own script, for the language menu.</summary>
    public static readonly IReadOnlyDictionary<string, string> NativeNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ar"] = "العربية",
        ["uk"] = "Українська",
        ["ru"] = "Русский",
        ["es"] = "Español",
        ["fr"] = "Français",
        ["en"] = "English",
        ["nl"] = "Nederlands",
    };

    /// <summary>The language menu: each offered language, named in its own script, in the organisation's order.</summary>
    public static IReadOnlyList<(string Code, string Name)> Menu(IReadOnlyList<string> offered)
    {
        ArgumentNullException.ThrowIfNull(offered);
        return offered.Select(code => (code, NativeNames.GetValueOrDefault(code, code))).ToList();
    }

    /// <summary>Decides the language for one message.</summary>
    /// <param name="state">What was remembered before this message.</param>
    /// <param name="detected">The language detected in this message, or null.</param>
    /// <param name="hint">A hint from the channel on first contact (Telegram's language_code, a phone's country code), or null.</param>
    /// <param name="offered">The organisation's languages.</param>
    public static LanguageDecision Decide(LanguageState state, LanguageGuess? detected, string? hint, IReadOnlyCollection<string> offered)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(offered);
        detected = detected is not null && offered.Contains(detected.Language) ? detected : null;
        if (state.Current is null)
        {
            var first = detected?.Language ?? (hint is not null && offered.Contains(hint) ? hint : null);
            return first is null
                ? new LanguageDecision(null, AskToChoose: true, state)
                : new LanguageDecision(first, AskToChoose: false, new LanguageState(first));
        }

        if (detected is null || detected.Language == state.Current || detected.Confidence < SwitchConfidence)
        {
            return new LanguageDecision(state.Current, AskToChoose: false, new LanguageState(state.Current));
        }

        var count = detected.Language == state.Candidate ? state.CandidateCount + 1 : 1;
        return count >= SwitchAfter
            ? new LanguageDecision(detected.Language, AskToChoose: false, new LanguageState(detected.Language))
            : new LanguageDecision(state.Current, AskToChoose: false, new LanguageState(state.Current, detected.Language, count));
    }

    /// <summary>The person chose a language in the menu: it is theirs until they choose again or clearly write in another.</summary>
    public static LanguageState Choose(string language) => new(language);
}
