using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Reach.Content.Model;
using YamlDotNet.RepresentationModel;

namespace Reach.Content.Packs;

/// <summary>
/// Reads one YAML mapping of a pack with precise messages: unknown keys, missing or malformed values,
/// each reported at its own line. Every value reader returns null (and reports) when the value is unusable.
/// </summary>
internal sealed partial class YamlMap
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string path, FileReader file, IReadOnlyCollection<string> allowed)
    {
        Node = node;
        Path = path;
        File = file;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                file.Error(keyNode, path, "a key must be a plain word");
                continue;
            }

            if (!allowed.Contains(key))
            {
                file.Error(keyNode, Join(path, key), $"unknown key '{key}'{Suggest(key, allowed)}");
                continue;
            }

            if (!entries.TryAdd(key, (scalarKey, value)))
            {
                file.Error(keyNode, Join(path, key), $"'{key}' is given twice");
            }
        }
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public FileReader File { get; }

    public int Line => (int)Node.Start.Line;

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public bool Has(string key) => entries.ContainsKey(key);

    public YamlNode? Value(string key) => entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public int LineOf(string key) => entries.TryGetValue(key, out var entry) ? (int)entry.Key.Start.Line : Line;

    public string FieldOf(string key) => Join(Path, key);

    public string? String(string key, bool required = false)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            if (required)
            {
                File.Error(Node, FieldOf(key), $"'{key}' is required");
            }

            return null;
        }

        if (entry.Value is not YamlScalarNode scalar)
        {
            File.Error(entry.Value, FieldOf(key), "expected a single value, not a list or a map");
            return null;
        }

        var text = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            File.Error(entry.Value, FieldOf(key), $"'{key}' is empty");
            return null;
        }

        return text;
    }

    public string? Id(bool required = true)
    {
        var id = String("id", required);
        if (id is not null && !IdRegex().IsMatch(id))
        {
            File.Error(Value("id")!, FieldOf("id"), $"'{id}' is not a valid id: use lower-case letters, digits and '-'");
            return null;
        }

        return id;
    }

    public LocalDate? Date(string key, bool required = false) =>
        Parse(key, required, DatePattern, "a date written YYYY-MM-DD, e.g. 2026-12-24");

    public LocalTime? Time(string key, bool required = false) =>
        Parse(key, required, TimePattern, "a time written HH:MM, e.g. \"09:30\"");

    public int? Int(string key, int min, int max, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            File.Error(Value(key)!, FieldOf(key), $"'{text}' is not a whole number from {min} to {max}");
            return null;
        }

        return value;
    }

    public bool Bool(string key)
    {
        var text = String(key);
        switch (text)
        {
            case null:
                return false;
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                File.Error(Value(key)!, FieldOf(key), $"'{text}' is not true or false");
                return false;
        }
    }

    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> values, bool required = false)
        where T : struct
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (values.TryGetValue(text, out var value))
        {
            return value;
        }

        File.Error(Value(key)!, FieldOf(key), $"'{text}' is not one of: {string.Join(", ", values.Keys)}");
        return null;
    }

    /// <summary>A map of language code to text. <paramref name="required"/> also asks for every offered language.</summary>
    public LocalizedText? Text(string key, bool required = false)
    {
        var node = MapOrMissing(key, required, "a map of language to text, e.g. {fr: \"…\", ar: \"…\"}");
        if (node is null)
        {
            return null;
        }

        var texts = new List<KeyValuePair<string, string>>();
        foreach (var (language, value, languageNode) in Languages(node, key))
        {
            if (value is YamlScalarNode { Value: { } text } && text.Trim().Length > 0)
            {
                texts.Add(new(language, text.Trim()));
            }
            else
            {
                File.Error(value, $"{FieldOf(key)}.{language}", "expected a text");
            }
        }

        return Localized(key, node, required, texts.Select(t => t.Key), new LocalizedText(texts));
    }

    /// <summary>A map of language code to a list of texts.</summary>
    public LocalizedList? TextList(string key, bool required = false)
    {
        var node = MapOrMissing(key, required, "a map of language to a list of texts, e.g. {fr: [\"…\", \"…\"]}");
        if (node is null)
        {
            return null;
        }

        var items = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var (language, value, _) in Languages(node, key))
        {
            var list = new List<string>();
            if (value is YamlSequenceNode sequence)
            {
                foreach (var element in sequence.Children)
                {
                    if (element is YamlScalarNode { Value: { } text } && text.Trim().Length > 0)
                    {
                        list.Add(text.Trim());
                    }
                    else
                    {
                        File.Error(element, $"{FieldOf(key)}.{language}", "expected a text");
                    }
                }
            }
            else if (value is YamlScalarNode { Value: { } single } && single.Trim().Length > 0)
            {
                list.Add(single.Trim());
            }
            else
            {
                File.Error(value, $"{FieldOf(key)}.{language}", "expected a list of texts");
            }

            items.Add(new(language, list));
        }

        return Localized(key, node, required, items.Where(i => i.Value.Count > 0).Select(i => i.Key), new LocalizedList(items));
    }

    /// <summary>A list whose elements are read by <paramref name="read"/> with their path and index.</summary>
    public IReadOnlyList<T> List<T>(string key, Func<YamlNode, string, int, T?> read, bool required = false)
        where T : class
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            if (required)
            {
                File.Error(Node, FieldOf(key), $"'{key}' is required");
            }

            return [];
        }

        if (entry.Value is not YamlSequenceNode sequence)
        {
            File.Error(entry.Value, FieldOf(key), "expected a list (lines starting with '- ', or [a, b])");
            return [];
        }

        var result = new List<T>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = read(sequence.Children[i], FieldOf(key), i);
            if (item is not null)
            {
                result.Add(item);
            }
        }

        return result;
    }

    public IReadOnlyList<string> Strings(string key, bool required = false) =>
        List(key, (node, path, i) =>
        {
            if (node is YamlScalarNode { Value: { } text } && text.Trim().Length > 0)
            {
                return text.Trim();
            }

            File.Error(node, $"{path}[{i}]", "expected a single value");
            return null;
        }, required);

    /// <summary>The mapping under <paramref name="key"/> read with its own allowed keys.</summary>
    public YamlMap? Map(string key, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var node = MapOrMissing(key, required, "a map of fields");
        return node is null ? null : new YamlMap(node, FieldOf(key), File, allowed);
    }

    private YamlMappingNode? MapOrMissing(string key, bool required, string expected)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            if (required)
            {
                File.Error(Node, FieldOf(key), $"'{key}' is required");
            }

            return null;
        }

        if (entry.Value is not YamlMappingNode map)
        {
            File.Error(entry.Value, FieldOf(key), $"expected {expected}");
            return null;
        }

        return map;
    }

    private IEnumerable<(string Language, YamlNode Value, YamlNode KeyNode)> Languages(YamlMappingNode node, string key)
    {
        foreach (var (keyNode, value) in node.Children)
        {
            var language = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!LanguageRegex().IsMatch(language))
            {
                File.Error(keyNode, FieldOf(key), $"'{language}' is not a language code such as fr, ar, uk, es, en");
                continue;
            }

            yield return (language, value, keyNode);
        }
    }

    private T Localized<T>(string key, YamlMappingNode node, bool required, IEnumerable<string> languages, T value)
    {
        File.UseText(languages.ToArray(), required, (int)node.Start.Line, FieldOf(key));
        return value;
    }

    private TValue? Parse<TValue>(string key, bool required, IPattern<TValue> pattern, string expected)
        where TValue : struct
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        var result = pattern.Parse(text);
        if (!result.Success)
        {
            File.Error(Value(key)!, FieldOf(key), $"'{text}' is not {expected}");
            return null;
        }

        return result.Value;
    }

    private static string Suggest(string key, IReadOnlyCollection<string> allowed)
    {
        var close = allowed.FirstOrDefault(a => Distance(a, key) <= 2);
        return close is null ? string.Empty : $" (did you mean '{close}'?)";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdRegex();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageRegex();
}
