namespace Reach.Bot.Language;

/// <summary>The language a message is written in, with a confidence in [0, 1].</summary>
public sealed record LanguageGuess(string Language, double Confidence);
