using System.Collections.Frozen;
using Reach.Bot.Language;
using Reach.Content.Model;

namespace Reach.Bot.Matching;

/// <summary>
/// A lexical index over every curated item of one organisation: FAQ question variants and answers,
/// service and activity titles, summaries and keywords, referral names. Texts are normalised, function
/// words dropped, and words cut into character trigrams weighted by rarity (TF-IDF), so that a
/// misspelled or inflected word still shares most of its trigrams with the curated one. An item's score
/// is the best cosine similarity between the message and one of its texts, times that text's weight.
/// </summary>
public sealed class AnswerIndex
{
    private readonly List<Field> fields = [];
    private readonly FrozenDictionary<string, (int Field, float Weight)[]> postings;
    private readonly FrozenDictionary<string, float> idf;
    private readonly List<(MatchTarget Target, string Language)> documents = [];
    private readonly FrozenDictionary<string, (int Document, float Weight)[]> documentPostings;

    private AnswerIndex(OrganisationContent content)
    {
        var source = content.Organisation.SourceLanguage;
        foreach (var faq in content.Faq)
        {
            var target = new MatchTarget(MatchKind.Faq, faq.Id);
            foreach (var (language, questions) in faq.Questions.Items)
            {
                foreach (var question in questions)
                {
                    Add(target, language, question, 1.0f);
                }
            }

            foreach (var (language, answer) in faq.Answer.Texts)
            {
                Add(target, language, answer, 0.55f);
            }
        }

        foreach (var service in content.Services)
        {
            AddItem(new MatchTarget(MatchKind.Service, service.Id), service, service.Summary);
        }

        foreach (var activity in content.Activities)
        {
            var target = new MatchTarget(MatchKind.Activity, activity.Id);
            AddItem(target, activity, activity.Description);
            AddTexts(target, activity.MeetingPoint, 0.5f);
            AddTexts(target, activity.Audience, 0.5f);
            foreach (var session in activity.Sessions)
            {
                AddTexts(target, session.Note, 0.5f);
                AddTexts(target, session.MeetingPoint, 0.5f);
            }
        }

        foreach (var referral in content.Referrals)
        {
            var target = new MatchTarget(MatchKind.Referral, referral.Id);
            AddTexts(target, referral.Name, 0.9f);
            AddTexts(target, referral.Description, 0.6f);
        }

        SourceLanguage = source;
        var names = new Dictionary<string, HashSet<MatchTarget>>(StringComparer.Ordinal);
        foreach (var (target, item) in content.Services.Select(s => (new MatchTarget(MatchKind.Service, s.Id), (ScheduledItem)s))
            .Concat(content.Activities.Select(a => (new MatchTarget(MatchKind.Activity, a.Id), (ScheduledItem)a))))
        {
            var texts = item.Title.Texts.Values.Concat(content.FindSite(item.Site)?.Name.Texts.Values ?? []);
            foreach (var word in texts.SelectMany(TextNormalizer.Words).Where(w => w.Length >= 3 && !StopWords.Contains(w)))
            {
                if (!names.TryGetValue(Stem(word), out var set))
                {
                    names[Stem(word)] = set = [];
                }

                set.Add(target);
            }
        }

        titleWords = names.ToFrozenDictionary(n => n.Key, n => n.Value.ToArray(), StringComparer.Ordinal);
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            foreach (var gram in field.Counts.Keys)
            {
                documentFrequency[gram] = documentFrequency.GetValueOrDefault(gram) + 1;
            }
        }

        idf = documentFrequency.ToFrozenDictionary(d => d.Key, d => (float)Math.Log(1 + (double)fields.Count / d.Value), StringComparer.Ordinal);
        var lists = new Dictionary<string, List<(int, float)>>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            Post(lists, i, field.Counts.ToDictionary(c => c.Key, c => c.Value * idf[c.Key], StringComparer.Ordinal));
        }

        postings = lists.ToFrozenDictionary(l => l.Key, l => l.Value.ToArray(), StringComparer.Ordinal);

        // One document per item and language: all its texts together, so that an item whose title,
        // keywords and sessions each answer part of a question beats one that answers a single word.
        var documentLists = new Dictionary<string, List<(int, float)>>(StringComparer.Ordinal);
        foreach (var group in fields.GroupBy(f => (f.Target, f.Language)))
        {
            var vector = new Dictionary<string, float>(StringComparer.Ordinal);
            foreach (var field in group)
            {
                foreach (var (gram, count) in field.Counts)
                {
                    vector[gram] = vector.GetValueOrDefault(gram) + count * idf[gram] * field.Weight;
                }
            }

            documents.Add(group.Key);
            Post(documentLists, documents.Count - 1, vector);
        }

        documentPostings = documentLists.ToFrozenDictionary(l => l.Key, l => l.Value.ToArray(), StringComparer.Ordinal);
        Targets = fields.Select(f => f.Target).Distinct().ToList();
    }

    /// <summary>How much of a score comes from the best single text; the rest from the item's texts together.</summary>
    private const double FieldShare = 0.5;

    /// <summary>How many trigrams one concept is worth.</summary>
    private const int ConceptWeight = 3;

    private readonly FrozenDictionary<string, MatchTarget[]> titleWords;

    public string SourceLanguage { get; }

    /// <summary>
    /// The share of the message's content words that the curated texts know (as a stem in a text of
    /// <paramref name="languages"/>, or through a concept): a message about something else has unknown words.
    /// </summary>
    public double KnownShare(string message, IReadOnlyCollection<string> languages)
    {
        var words = TextNormalizer.Words(message).Where(w => w.Length > 2 && !StopWords.Contains(w)).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        var known = 0;
        foreach (var word in words)
        {
            var conceptual = ConceptLexicon.Default.Find([word]).Count > 0;
            if (conceptual || (documentPostings.TryGetValue("#" + Stem(word), out var list) && list.Any(p => languages.Contains(documents[p.Document].Language))))
            {
                known++;
            }
        }

        return (double)known / words.Count;
    }

    /// <summary>Services and activities the message names by a word found in their title (or site name) and in no more than two others.</summary>
    public IReadOnlySet<MatchTarget> Named(string message)
    {
        var named = new HashSet<MatchTarget>();
        foreach (var word in TextNormalizer.Words(message))
        {
            if (word.Length >= 3 && !StopWords.Contains(word) && titleWords.TryGetValue(Stem(word), out var targets) && targets.Length <= 2)
            {
                named.UnionWith(targets);
            }
        }

        return named;
    }

    public IReadOnlyList<MatchTarget> Targets { get; }

    public int FieldCount => fields.Count;

    public static AnswerIndex Build(OrganisationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new AnswerIndex(content);
    }

    /// <summary>The best-scoring items for a message, among texts in <paramref name="languages"/>.</summary>
    public IReadOnlyList<ScoredTarget> Search(string message, IReadOnlyCollection<string> languages, int take = 3)
    {
        ArgumentNullException.ThrowIfNull(languages);
        var query = Grams(TextNormalizer.Words(message));
        if (query.Count == 0)
        {
            return [];
        }

        var weights = new Dictionary<string, float>(query.Count, StringComparer.Ordinal);
        foreach (var (gram, count) in query)
        {
            // A gram no curated text has still counts in the message's length: unknown words lower the score.
            weights[gram] = count * idf.GetValueOrDefault(gram, (float)Math.Log(1 + fields.Count));
        }

        var queryNorm = (float)Math.Sqrt(weights.Values.Sum(w => w * w));
        var best = BestPerTarget(Dot(postings, weights, fields.Count), i => fields[i].Target, i => fields[i].Language, i => fields[i].Weight / queryNorm, languages);
        var whole = BestPerTarget(Dot(documentPostings, weights, documents.Count), i => documents[i].Target, i => documents[i].Language, _ => 1 / queryNorm, languages);

        // How many of the message's words the item knows: one shared place name is not an answer.
        var stems = weights.Keys.Where(k => k[0] == '#').ToList();
        var covered = new Dictionary<MatchTarget, HashSet<string>>();
        foreach (var stem in stems)
        {
            if (documentPostings.TryGetValue(stem, out var list))
            {
                foreach (var (document, _) in list)
                {
                    if (languages.Contains(documents[document].Language))
                    {
                        if (!covered.TryGetValue(documents[document].Target, out var set))
                        {
                            covered[documents[document].Target] = set = [];
                        }

                        set.Add(stem);
                    }
                }
            }
        }

        foreach (var target in best.Keys.ToList())
        {
            var coverage = stems.Count == 0 ? 1 : (double)(covered.GetValueOrDefault(target)?.Count ?? 0) / stems.Count;
            best[target] = (FieldShare * best[target] + (1 - FieldShare) * whole.GetValueOrDefault(target)) * (0.8 + 0.2 * coverage);
        }

        return best.OrderByDescending(b => b.Value).ThenBy(b => b.Key.Id, StringComparer.Ordinal).Take(take)
            .Select(b => new ScoredTarget(b.Key, Math.Round(Math.Min(1, b.Value), 4)))
            .ToList();
    }

    /// <summary>The dot product of the message's weights with every indexed vector.</summary>
    private static float[] Dot(FrozenDictionary<string, (int Vector, float Weight)[]> index, Dictionary<string, float> weights, int count)
    {
        var dot = new float[count];
        foreach (var (gram, weight) in weights)
        {
            if (index.TryGetValue(gram, out var list))
            {
                foreach (var (vector, value) in list)
                {
                    dot[vector] += weight * value;
                }
            }
        }

        return dot;
    }

    /// <summary>The best scaled score of each target among vectors in the allowed languages.</summary>
    private static Dictionary<MatchTarget, double> BestPerTarget(float[] dot, Func<int, MatchTarget> target, Func<int, string> language, Func<int, float> scale, IReadOnlyCollection<string> languages)
    {
        var best = new Dictionary<MatchTarget, double>();
        for (var i = 0; i < dot.Length; i++)
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

    /// <summary>Adds a vector, normalised to length 1, to an inverted index under construction.</summary>
    private static void Post(Dictionary<string, List<(int, float)>> lists, int vector, Dictionary<string, float> values)
    {
        var norm = (float)Math.Sqrt(values.Values.Sum(v => v * v));
        foreach (var (gram, value) in values)
        {
            if (!lists.TryGetValue(gram, out var list))
            {
                lists[gram] = list = [];
            }

            list.Add((vector, value / norm));
        }
    }

    internal static Dictionary<string, int> Grams(IReadOnlyList<string> words)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var concept in ConceptLexicon.Default.Find(words))
        {
            // A shared concept is strong evidence, across wording and across languages.
            grams["@" + concept] = ConceptWeight;
        }

        foreach (var word in words)
        {
            if (StopWords.Contains(word))
            {
                continue;
            }

            if (word.Length <= 2)
            {
                Count(grams, "#" + word);
                continue;
            }

            // The word's stem counts as a feature of its own, twice: whole words outweigh shared fragments.
            var stem = "#" + Stem(word);
            Count(grams, stem);
            Count(grams, stem);
            var padded = "^" + word + "$";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                Count(grams, padded.Substring(i, 3));
            }
        }

        return grams;
    }

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

        return word.Length > 6 ? word[..6] : word;
    }

    private static readonly string[] ArabicPrefixes = ["وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل"];
    private static readonly string[] ArabicSuffixes = ["ها", "هم", "كم", "نا", "ات", "ين", "ون", "ه", "ي", "ك"];

    private static void Count(Dictionary<string, int> grams, string gram) => grams[gram] = grams.GetValueOrDefault(gram) + 1;

    private void AddItem(MatchTarget target, ScheduledItem item, LocalizedText? summary)
    {
        AddTexts(target, item.Title, 1.0f);
        AddTexts(target, summary, 0.6f);
        foreach (var (language, keywords) in item.Keywords.Items)
        {
            foreach (var keyword in keywords)
            {
                Add(target, language, keyword, 0.9f);
            }
        }
    }

    private void AddTexts(MatchTarget target, LocalizedText? text, float weight)
    {
        foreach (var (language, value) in text?.Texts ?? new Dictionary<string, string>())
        {
            Add(target, language, value, weight);
        }
    }

    private void Add(MatchTarget target, string language, string text, float weight)
    {
        var grams = Grams(TextNormalizer.Words(text));
        if (grams.Count > 0)
        {
            fields.Add(new Field(target, language, weight, grams));
        }
    }

    private sealed record Field(MatchTarget Target, string Language, float Weight, Dictionary<string, int> Counts);
}
