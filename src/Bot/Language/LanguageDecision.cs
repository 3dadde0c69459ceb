namespace Reach.Bot.Language;

/// <summary>The language to answer in, whether to show the language menu, and the state to remember.</summary>
public sealed record LanguageDecision(string? Language, bool AskToChoose, LanguageState State);
