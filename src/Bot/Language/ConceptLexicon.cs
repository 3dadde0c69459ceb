using System.Collections.Frozen;
using Reach.Bot.Matching;
using YamlDotNet.RepresentationModel;

namespace Reach.Bot.Language;

/// <summary>
/// A thesaurus shared by every language: words and short phrases people use, mapped to concept ids
/// (<c>debt</c>, <c>home_visit</c>…), so that a paraphrase and the curated text meet on the concept,
/// also across languages. Loaded from <c>Language/Concepts/xx.yaml</c>, embedded in the assembly.
/// Function words are ignored on both sides; a word matches as written or by its stem.
/// </summary>
public sealed class ConceptLexicon
{
    private readonly FrozenDictionary<string, string[]> single;
    private readonly FrozenDictionary<string, (string[] Words, string Concept)[]> phrases;

    private ConceptLexicon(Dictionary<string, HashSet<string>> single, Dictionary<string, List<(string[], string)>> phrases)
    {
        this.single = single.ToFrozenDictionary(s => s.Key, s => s.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        this.phrases = phrases.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        ConceptCount = single.Values.SelectMany(v => v).Concat(phrases.Values.SelectMany(v => v.Select(p => p.Item2))).Distinct().Count();
    }

    public static ConceptLexicon Default { get; } = Load();

    public int ConceptCount { get; }

    /// <summary>Builds a lexicon from (concept, variant) pairs.</summary>
    public static ConceptLexicon From(IEnumerable<(string Concept, string Variant)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var single = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, List<(string[], string)>>(StringComparer.Ordinal);
        foreach (var (concept, variant) in entries)
        {
            var all = TextNormalizer.Words(variant);
            var content = all.Where(w => !StopWords.Contains(w)).Select(Key).ToArray();
            if (content.Length == 0)
            {
                continue; // only function words: it would fire on anything.
            }

            if (all.Count == 1)
            {
                if (!single.TryGetValue(content[0], out var set))
                {
                    single[content[0]] = set = [];
                }

                set.Add(concept);
                continue;
            }

            // A phrase matches as written (function words included), and also by its content words
            // alone when it has at least two: one word left from a phrase would fire on anything.
            AddPhrase(phrases, all.Select(Key).ToArray(), concept);
            if (content.Length >= 2)
            {
                AddPhrase(phrases, content, concept);
            }
        }

        return new ConceptLexicon(single, phrases);
    }

    /// <summary>Concepts of topics Reach does not cover (weather, shop prices, loans…) start with <c>oos_</c>.</summary>
    public static bool IsOutOfScope(string concept) => concept.StartsWith("oos_", StringComparison.Ordinal);

    /// <summary>True when the word on its own names a concept.</summary>
    public bool Names(string word) => single.ContainsKey(Key(word));

    /// <summary>The concepts the word on its own names.</summary>
    public IReadOnlyList<string> ConceptsOf(string word) => single.TryGetValue(Key(word), out var concepts) ? concepts : [];

    /// <summary>The concepts named in a list of normalised words, once each.</summary>
    public IReadOnlyCollection<string> Find(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        HashSet<string>? found = null;
        var keys = new string[words.Count];
        var content = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            keys[i] = Key(words[i]);
            if (!StopWords.Contains(words[i]))
            {
                content.Add(keys[i]);
            }
        }

        Scan(keys, ref found);
        if (content.Count < keys.Length)
        {
            Scan([.. content], ref found);
        }

        return (IReadOnlyCollection<string>?)found ?? [];
    }

    private static void AddPhrase(Dictionary<string, List<(string[], string)>> phrases, string[] words, string concept)
    {
        if (words.Length < 2)
        {
            return;
        }

        if (!phrases.TryGetValue(words[0], out var list))
        {
            phrases[words[0]] = list = [];
        }

        list.Add((words, concept));
    }

    private void Scan(string[] keys, ref HashSet<string>? found)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (single.TryGetValue(keys[i], out var concepts))
            {
                (found ??= []).UnionWith(concepts);
            }

            if (phrases.TryGetValue(keys[i], out var candidates))
            {
                foreach (var (phrase, concept) in candidates)
                {
                    if (i + phrase.Length <= keys.Length && phrase.AsSpan().SequenceEqual(keys.AsSpan(i, phrase.Length)))
                    {
                        (found ??= []).Add(concept);
                    }
                }
            }
        }
    }

    private static string Key(string word) => AnswerIndex.Stem(word);

    private static ConceptLexicon Load()
    {
        var assembly = typeof(ConceptLexicon).Assembly;
        var entries = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("concepts.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var yaml = new YamlStream();
            yaml.Load(new StreamReader(stream));
            if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root
                || !root.Children.TryGetValue(new YamlScalarNode("concepts"), out var node) || node is not YamlMappingNode concepts)
            {
                throw new InvalidDataException($"{name}: expected 'concepts:', a map of concept id to a list of words");
            }

            foreach (var (key, value) in concepts.Children)
            {
                var concept = ((YamlScalarNode)key).Value!;
                foreach (var variant in ((YamlSequenceNode)value).Children.OfType<YamlScalarNode>())
                {
                    entries.Add((concept, variant.Value ?? string.Empty));
                }
            }
        }

        return From(entries);
    }
}
