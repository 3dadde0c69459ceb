namespace Reach.Content.Model;

/// <summary>Several texts per language, such as the ways people ask a question or keywords.</summary>
public sealed class LocalizedList
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> items;

    public LocalizedList(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var copy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (language, list) in items)
        {
            copy[language] = list.ToArray();
        }

        this.items = copy;
    }

    public static LocalizedList Empty { get; } = new([]);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Items => items;

    public IEnumerable<string> Languages => items.Keys;

    public bool Has(string language) => items.TryGetValue(language, out var list) && list.Count > 0;

    public IReadOnlyList<string> Get(string language) => items.TryGetValue(language, out var list) ? list : [];
}
