using System.Buffers;
using System.Collections.Frozen;
using Reach.Bot.Language;
using Reach.Content.Model;

namespace Reach.Bot.Matching;

/// <summary>
/// A lexical index over every curated item of one organisation: FAQ question variants and answers,
/// service and activity titles, summaries, keywords and sessions, referral names. Texts are normalised,
/// function words dropped, and each text becomes TF-IDF weighted <see cref="Features"/> (concepts,
/// stems, character trigrams), so that a misspelled, inflected or paraphrased question still meets the
/// curated one. An item's score mixes its best single text and all its texts of one language together,
/// scaled by how many of the message's words the item knows.
/// </summary>
public sealed class AnswerIndex
{
    /// <summary>How much of a score comes from the best single text; the rest from the item's texts together.</summary>
    private const double FieldShare = 0.5;

    private readonly FrozenDictionary<string, int> features;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly float[] idf;
    private readonly float unknownIdf;
    private readonly Field[] fields;
    private readonly (int Vector, float Weight)[][] fieldPostings;
    private readonly (MatchTarget Target, string Language)[] documents;
    private readonly (int Vector, float Weight)[][] documentPostings;
    private readonly bool[] isStem;
    private readonly FrozenDictionary<string, MatchTarget[]> titleWords;
    private readonly FrozenDictionary<MatchTarget, IReadOnlySet<string>> concepts;

    private AnswerIndex(OrganisationContent content)
    {
        SourceLanguage = content.Organisation.SourceLanguage;
        var builder = new IndexBuilder();
        builder.AddContent(content);
        features = builder.Ids.ToFrozenDictionary(StringComparer.Ordinal);
        lookup = features.GetAlternateLookup<ReadOnlySpan<char>>();
        fields = [.. builder.Fields];
        isStem = new bool[features.Count];
        foreach (var (feature, id) in features)
        {
            isStem[id] = feature[0] == '#';
        }

        var documentFrequency = new int[features.Count];
        foreach (var field in fields)
        {
            foreach (var id in field.Counts.Keys)
            {
                documentFrequency[id]++;
            }
        }

        idf = documentFrequency.Select(d => (float)Math.Log(1 + (double)fields.Length / d)).ToArray();
        unknownIdf = (float)Math.Log(1 + fields.Length);
        fieldPostings = Postings(fields.Select(f => f.Counts.ToDictionary(c => c.Key, c => c.Value * idf[c.Key])).ToList());

        // One document per item and language: all its texts together, so that an item whose title,
        // keywords and sessions each answer part of a question beats one that answers a single word.
        var groups = fields.GroupBy(f => (f.Target, f.Language)).ToList();
        documents = groups.Select(g => g.Key).ToArray();
        documentPostings = Postings(groups.Select(g =>
        {
            var vector = new Dictionary<int, float>();
            foreach (var field in g)
            {
                foreach (var (id, count) in field.Counts)
                {
                    vector[id] = vector.GetValueOrDefault(id) + count * idf[id] * field.Weight;
                }
            }

            return vector;
        }).ToList());
        titleWords = builder.TitleWords.ToFrozenDictionary(n => n.Key, n => n.Value.ToArray(), StringComparer.Ordinal);
        concepts = builder.Concepts.ToFrozenDictionary(c => c.Key, c => (IReadOnlySet<string>)c.Value.ToFrozenSet(StringComparer.Ordinal));
        Targets = fields.Select(f => f.Target).Distinct().ToList();
    }

    public string SourceLanguage { get; }

    public IReadOnlyList<MatchTarget> Targets { get; }

    public int FieldCount => fields.Length;

    public static AnswerIndex Build(OrganisationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new AnswerIndex(content);
    }

    /// <summary>The best-scoring items for a message, among texts in <paramref name="languages"/>.</summary>
    public IReadOnlyList<ScoredTarget> Search(string message, IReadOnlyCollection<string> languages, int take = 3) =>
        Search(TextNormalizer.Words(message), languages, take);

    /// <summary>The best-scoring items for a message already cut into normalised words.</summary>
    public IReadOnlyList<ScoredTarget> Search(IReadOnlyList<string> words, IReadOnlyCollection<string> languages, int take = 3) =>
        Search(words, ConceptLexicon.Default.Find(words), languages, take);

    /// <summary>The best-scoring items for normalised words whose concepts are already found.</summary>
    public IReadOnlyList<ScoredTarget> Search(IReadOnlyList<string> words, IReadOnlyCollection<string> concepts, IReadOnlyCollection<string> languages, int take = 3)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(languages);
        var query = new Dictionary<int, int>();
        Dictionary<string, int>? unknown = null;
        Features.Write(words, concepts, (feature, count) =>
        {
            if (lookup.TryGetValue(feature, out var id))
            {
                query[id] = query.GetValueOrDefault(id) + count;
            }
            else
            {
                // A feature no curated text has still counts in the message's length: unknown words lower the score.
                unknown ??= new Dictionary<string, int>(StringComparer.Ordinal);
                var key = feature.ToString();
                unknown[key] = unknown.GetValueOrDefault(key) + count;
            }
        });
        if (query.Count == 0 && unknown is null)
        {
            return [];
        }

        var norm = query.Sum(q => Math.Pow(q.Value * idf[q.Key], 2)) + (unknown?.Values.Sum(c => Math.Pow(c * unknownIdf, 2)) ?? 0);
        var queryNorm = (float)Math.Sqrt(norm);
        var dot = ArrayPool<float>.Shared.Rent(Math.Max(fields.Length, documents.Length));
        Dictionary<MatchTarget, double> best, whole;
        try
        {
            Dot(fieldPostings, query, dot, fields.Length);
            best = BestPerTarget(dot, fields.Length, i => fields[i].Target, i => fields[i].Language, i => fields[i].Weight / queryNorm, languages);
            Dot(documentPostings, query, dot, documents.Length);
            whole = BestPerTarget(dot, documents.Length, i => documents[i].Target, i => documents[i].Language, _ => 1 / queryNorm, languages);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(dot);
        }

        // How many of the message's words the item knows: one shared place name is not an answer.
        var stems = query.Keys.Where(id => isStem[id]).ToList();
        var stemCount = stems.Count + (unknown?.Keys.Count(k => k[0] == '#') ?? 0);
        var covered = new Dictionary<MatchTarget, int>();
        var seen = new HashSet<MatchTarget>();
        foreach (var stem in stems)
        {
            seen.Clear();
            foreach (var (vector, _) in documentPostings[stem])
            {
                var (target, language) = documents[vector];
                if (languages.Contains(language) && seen.Add(target))
                {
                    covered[target] = covered.GetValueOrDefault(target) + 1;
                }
            }
        }

        foreach (var target in best.Keys.ToList())
        {
            var coverage = stemCount == 0 ? 1 : (double)covered.GetValueOrDefault(target) / stemCount;
            best[target] = (FieldShare * best[target] + (1 - FieldShare) * whole.GetValueOrDefault(target)) * (0.8 + 0.2 * coverage);
        }

        return best.OrderByDescending(b => b.Value).ThenBy(b => b.Key.Id, StringComparer.Ordinal).Take(take)
            .Select(b => new ScoredTarget(b.Key, Math.Round(Math.Min(1, b.Value), 4)))
            .ToList();
    }

    /// <summary>
    /// The share of the message's content words that the curated texts know (as a stem in a text of
    /// <paramref name="languages"/>, or through a concept): a message about something else has unknown words.
    /// </summary>
    public double KnownShare(IReadOnlyList<string> words, IReadOnlyCollection<string> languages)
    {
        ArgumentNullException.ThrowIfNull(words);
        int total = 0, known = 0;
        Span<char> buffer = stackalloc char[66];
        foreach (var word in words)
        {
            if (word.Length <= 2 || StopWords.Contains(word))
            {
                continue;
            }

            total++;
            if (ConceptLexicon.Default.Names(word))
            {
                known++;
                continue;
            }

            var stem = Stem(word);
            buffer[0] = '#';
            var length = Math.Min(stem.Length, buffer.Length - 1);
            stem.AsSpan(0, length).CopyTo(buffer[1..]);
            if (lookup.TryGetValue(buffer[..(length + 1)], out var id) && KnownIn(documentPostings[id], languages))
            {
                known++;
            }
        }

        return total == 0 ? 0 : (double)known / total;
    }

    /// <summary>True when the item's curated texts name one of <paramref name="messageConcepts"/>.</summary>
    public bool SharesConcept(MatchTarget target, IReadOnlyCollection<string> messageConcepts) =>
        concepts.TryGetValue(target, out var own) && messageConcepts.Any(own.Contains);

    private bool KnownIn((int Vector, float Weight)[] postings, IReadOnlyCollection<string> languages)
    {
        foreach (var (vector, _) in postings)
        {
            if (languages.Contains(documents[vector].Language))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Services and activities the message names by a word of their title found in at most one other title.</summary>
    public IReadOnlySet<MatchTarget> Named(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var named = new HashSet<MatchTarget>();
        foreach (var word in words)
        {
            // A name is not one of the words every desk shares: "Boondael" or "couture", not "open" or "desk".
            if (word.Length >= 3 && !StopWords.Contains(word) && !ConceptLexicon.Default.ConceptsOf(word).Any(GenericConcepts.Contains)
                && titleWords.TryGetValue(Stem(word), out var targets) && targets.Length <= 2)
            {
                named.UnionWith(targets);
            }
        }

        return named;
    }

    /// <summary>Concepts of the vocabulary that every desk shares, so never a name.</summary>
    private static readonly FrozenSet<string> GenericConcepts = FrozenSet.ToFrozenSet(
        ["open_now_today", "opening_hours", "closed_holiday", "location_address", "appointment", "walk_in", "social_desk", "social_worker", "contact_number", "price_cost", "phone_call"],
        StringComparer.Ordinal);

    /// <summary>A light stem: Arabic clitics and common endings off, long Latin and Cyrillic words cut to six letters.</summary>
    internal static string Stem(string word)
    {
        if (word[0] is >= '\u0600' and <= '\u06FF')
        {
            foreach (var prefix in ArabicPrefixes)
            {
                if (word.Length - prefix.Length >= 3 && word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    word = word[prefix.Length..];
                    break;
                }
            }

            foreach (var suffix in ArabicSuffixes)
            {
                if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return word[..^suffix.Length];
                }
            }

            return word;
        }

        // Cyrillic words carry longer endings: seven letters keep "відкрит-" (open) apart from "відкрив-" (discover).
        var length = word[0] is >= '\u0400' and <= '\u04FF' ? 7 : 6;
        return word.Length > length ? word[..length] : word;
    }

    private static readonly string[] ArabicPrefixes = ["وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل"];
    private static readonly string[] ArabicSuffixes = ["ها", "هم", "كم", "نا", "ات", "ين", "ون", "ه", "ي", "ك"];

    /// <summary>The dot product of the message's weights with every indexed vector.</summary>
    private void Dot((int Vector, float Weight)[][] postings, Dictionary<int, int> query, float[] dot, int count)
    {
        Array.Clear(dot, 0, count);
        foreach (var (id, queryCount) in query)
        {
            var weight = queryCount * idf[id];
            foreach (var (vector, value) in postings[id])
            {
                dot[vector] += weight * value;
            }
        }
    }

    /// <summary>The best scaled score of each target among vectors in the allowed languages.</summary>
    private static Dictionary<MatchTarget, double> BestPerTarget(float[] dot, int count, Func<int, MatchTarget> target, Func<int, string> language, Func<int, float> scale, IReadOnlyCollection<string> languages)
    {
        var best = new Dictionary<MatchTarget, double>();
        for (var i = 0; i < count; i++)
        {
            if (dot[i] > 0 && languages.Contains(language(i)))
            {
                var score = dot[i] * scale(i);
                if (score > best.GetValueOrDefault(target(i)))
                {
                    best[target(i)] = score;
                }
            }
        }

        return best;
    }

    /// <summary>Inverted lists, one per feature id, of each vector normalised to length 1.</summary>
    private (int, float)[][] Postings(List<Dictionary<int, float>> vectors)
    {
        var lists = new List<(int, float)>?[features.Count];
        for (var v = 0; v < vectors.Count; v++)
        {
            var norm = (float)Math.Sqrt(vectors[v].Values.Sum(x => x * x));
            foreach (var (id, value) in vectors[v])
            {
                (lists[id] ??= []).Add((v, value / norm));
            }
        }

        return lists.Select(l => l?.ToArray() ?? []).ToArray();
    }

    internal sealed record Field(MatchTarget Target, string Language, float Weight, Dictionary<int, int> Counts);
}
