using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace Reach.Bot.Localization;

/// <summary>
/// The reply texts of every language, one flat JSON file per language with named placeholders
/// (<c>locales/xx.json</c>, embedded). Lookup falls back from the language to English, then to the key.
/// </summary>
public sealed class Locales
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> languages;

    private Locales(FrozenDictionary<string, FrozenDictionary<string, string>> languages) => this.languages = languages;

    public static Locales Default { get; } = Load();

    public IEnumerable<string> Languages => languages.Keys;

    public IReadOnlyDictionary<string, string> Strings(string language) =>
        languages.TryGetValue(language, out var strings) ? strings : FrozenDictionary<string, string>.Empty;

    /// <summary>The text of <paramref name="key"/> with each <c>{name}</c> replaced by its value.</summary>
    public string Text(string language, string key, params (string Name, object? Value)[] values)
    {
        var template = Find(language, key) ?? Find("en", key) ?? key;
        if (values.Length == 0)
        {
            return template;
        }

        var builder = new StringBuilder(template);
        foreach (var (name, value) in values)
        {
            builder.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>The plural form of <paramref name="key"/> (key.one, key.few…) for <paramref name="count"/>.</summary>
    public string Plural(string language, string key, long count)
    {
        var category = PluralRules.Category(language, count);
        var form = Find(language, $"{key}.{category}") is not null ? $"{key}.{category}" : $"{key}.other";
        return Text(language, form, ("count", count));
    }

    private string? Find(string language, string key) =>
        languages.TryGetValue(language, out var strings) && strings.TryGetValue(key, out var text) ? text : null;

    private static Locales Load()
    {
        var assembly = typeof(Locales).Assembly;
        var result = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("locales.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var strings = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
            result[name["locales.".Length..^".json".Length]] = strings.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return new Locales(result.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
