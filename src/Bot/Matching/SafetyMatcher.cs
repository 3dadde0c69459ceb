using Reach.Bot.Language;
using Reach.Content.Model;

namespace Reach.Bot.Matching;

/// <summary>
/// Routes a message to a sensitive topic before anything else: a trigger phrase of any language matches
/// when all its words appear in order in the message, a long word also with one typo.
/// </summary>
public sealed class SafetyMatcher
{
    private readonly List<(SafetyTopic Topic, string[] Words, string[]? Stems)> triggers = [];

    /// <summary>Trigger indexes by their first word, and by that word with one letter deleted (for one typo).</summary>
    private readonly Dictionary<string, List<int>> byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> firstWordLookup;

    /// <summary>Triggers matched by content words in any order, indexed by their first content stem.</summary>
    private readonly Dictionary<string, List<int>> byFirstStem = new(StringComparer.Ordinal);

    public SafetyMatcher(OrganisationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        firstWordLookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var topic in content.Safety)
        {
            foreach (var phrase in topic.Triggers.Items.Values.SelectMany(p => p))
            {
                var words = TextNormalizer.Words(phrase).ToArray();
                if (words.Length > 0)
                {
                    var stems = ContentStems(words);
                    triggers.Add((topic, words, stems));
                    if (stems is not null)
                    {
                        if (!byFirstStem.TryGetValue(stems[0], out var byStem))
                        {
                            byFirstStem[stems[0]] = byStem = [];
                        }

                        byStem.Add(triggers.Count - 1);
                    }

                    foreach (var key in Keys(words[0], fuzzy: words[0].Length >= 6))
                    {
                        if (!byFirstWord.TryGetValue(key, out var list))
                        {
                            byFirstWord[key] = list = [];
                        }

                        list.Add(triggers.Count - 1);
                    }
                }
            }
        }
    }

    /// <summary>The topic whose longest trigger matches, or null.</summary>
    public SafetyTopic? Match(string message) => Match(TextNormalizer.Words(message));

    /// <summary>The topic whose longest trigger matches words already normalised, or null.</summary>
    public SafetyTopic? Match(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            return null;
        }

        var stems = words.Where(w => !StopWords.Contains(w)).Select(AnswerIndex.Stem).ToHashSet(StringComparer.Ordinal);
        SafetyTopic? best = null;
        var bestLength = 0;
        // Triggers written as they are: only those whose first word (or a one-typo form of it) is in the message.
        Span<char> buffer = stackalloc char[64];
        for (var start = 0; start < words.Count; start++)
        {
            var word = words[start];
            Try(word, start);
            if (word.Length > 1 && word[0] == 'و')
            {
                Try(word.AsSpan(1), start);
            }

            if (word.Length >= 5 && word.Length <= buffer.Length)
            {
                for (var i = 0; i < word.Length; i++)
                {
                    word.AsSpan(0, i).CopyTo(buffer);
                    word.AsSpan(i + 1).CopyTo(buffer[i..]);
                    Try(buffer[..(word.Length - 1)], start);
                }
            }
        }

        void Try(ReadOnlySpan<char> key, int start)
        {
            if (!firstWordLookup.TryGetValue(key, out var candidates))
            {
                return;
            }

            foreach (var i in candidates)
            {
                var (topic, trigger, _) = triggers[i];
                if (trigger.Length > bestLength && At(words, start, trigger))
                {
                    best = topic;
                    bestLength = trigger.Length;
                }
            }
        }

        // Triggers by their content words in any order: only those whose first content stem is in the message.
        foreach (var stem in stems)
        {
            if (!byFirstStem.TryGetValue(stem, out var candidates))
            {
                continue;
            }

            foreach (var i in candidates)
            {
                var (topic, trigger, triggerStems) = triggers[i];
                if (trigger.Length > bestLength && ContainsAll(stems, triggerStems!))
                {
                    best = topic;
                    bestLength = trigger.Length;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The stems of a trigger's content words, which match in any order; null when the trigger must
    /// match as written: it shrinks to one word once its function words are dropped ("не хочу жити"),
    /// or has a content word too short to stem safely.
    /// </summary>
    private static string[]? ContentStems(string[] trigger)
    {
        var content = trigger.Where(w => !StopWords.Contains(w)).ToList();
        if (content.Count == 0 || (content.Count == 1 && trigger.Length > 1) || content.Exists(w => w.Length < 3))
        {
            return null;
        }

        return content.Select(AnswerIndex.Stem).ToArray();
    }

    private static bool ContainsAll(HashSet<string> stems, string[] wanted)
    {
        foreach (var stem in wanted)
        {
            if (!stems.Contains(stem))
            {
                return false;
            }
        }

        return true;
    }

    private static bool At(IReadOnlyList<string> words, int start, string[] trigger)
    {
        if (start + trigger.Length > words.Count)
        {
            return false;
        }

        for (var j = 0; j < trigger.Length; j++)
        {
            if (!Same(words[start + j], trigger[j]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The word, the word without a leading Arabic "and", and when fuzzy each form with one letter deleted.</summary>
    private static IEnumerable<string> Keys(string word, bool fuzzy)
    {
        yield return word;
        if (word.Length > 1 && word[0] == 'و')
        {
            yield return word[1..];
        }

        if (fuzzy)
        {
            for (var i = 0; i < word.Length; i++)
            {
                yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
            }
        }
    }

    private static bool Same(string word, string trigger) =>
        word == trigger
        || (word.Length > 1 && word[0] == 'و' && word.AsSpan(1).SequenceEqual(trigger)) // Arabic "and" written onto the word
        || (trigger.Length >= 6 && word.Length >= 5 && EditDistanceAtMostOne(word, trigger));

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length > b.Length)
            {
                i++;
            }
            else if (a.Length < b.Length)
            {
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
