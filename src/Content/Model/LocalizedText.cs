namespace Reach.Content.Model;

/// <summary>
/// A text written in several languages: a map of ISO 639-1 language code to text.
/// Lookup falls back from the asked language to the given fallback (usually the source language).
/// </summary>
public sealed class LocalizedText
{
    private readonly IReadOnlyDictionary<string, string> texts;

    public LocalizedText(IEnumerable<KeyValuePair<string, string>> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, text) in texts)
        {
            copy[language] = text;
        }

        this.texts = copy;
    }

    public static LocalizedText Empty { get; } = new([]);

    /// <summary>Languages that have a text, in no particular order.</summary>
    public IEnumerable<string> Languages => texts.Keys;

    public IReadOnlyDictionary<string, string> Texts => texts;

    public bool Has(string language) => texts.ContainsKey(language);

    /// <summary>The text in <paramref name="language"/>, or null when it has none.</summary>
    public string? Find(string language) => texts.TryGetValue(language, out var text) ? text : null;

    /// <summary>The text in <paramref name="language"/>, else in <paramref name="fallback"/>, else any text.</summary>
    public string Get(string language, string fallback) =>
        Find(language) ?? Find(fallback) ?? texts.Values.FirstOrDefault() ?? string.Empty;

    public static LocalizedText Of(string language, string text) => new([new(language, text)]);
}
