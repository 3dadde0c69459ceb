namespace Reach.Web.Translations;

/// <summary>A text's translation (none when it is already in the reader's language) and the language it was detected in.</summary>
public sealed record ReadingTranslation(string? Text, string? DetectedLanguage);
