using Reach.Bot.Language;
using Reach.Content.Model;

namespace Reach.Bot.Matching;

/// <summary>
/// Routes a message to a sensitive topic before anything else: a trigger phrase of any language matches
/// when all its words appear in order in the message, a long word also with one typo.
/// </summary>
public sealed class SafetyMatcher
{
    private readonly List<(SafetyTopic Topic, string[] Words)> triggers = [];

    public SafetyMatcher(OrganisationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        foreach (var topic in content.Safety)
        {
            foreach (var phrase in topic.Triggers.Items.Values.SelectMany(p => p))
            {
                var words = TextNormalizer.Words(phrase).ToArray();
                if (words.Length > 0)
                {
                    triggers.Add((topic, words));
                }
            }
        }
    }

    /// <summary>The topic whose longest trigger matches, or null.</summary>
    public SafetyTopic? Match(string message)
    {
        var words = TextNormalizer.Words(message);
        if (words.Count == 0)
        {
            return null;
        }

        var stems = words.Where(w => !StopWords.Contains(w)).Select(AnswerIndex.Stem).ToHashSet(StringComparer.Ordinal);
        SafetyTopic? best = null;
        var bestLength = 0;
        foreach (var (topic, trigger) in triggers)
        {
            if (trigger.Length > bestLength && (Contains(words, trigger) || ContainsStems(stems, trigger)))
            {
                best = topic;
                bestLength = trigger.Length;
            }
        }

        return best;
    }

    /// <summary>
    /// Every content word of the trigger appears in the message, in any order, as the same stem. A trigger
    /// that shrinks to one word once its function words are dropped ("не хочу жити") must match as written.
    /// </summary>
    private static bool ContainsStems(HashSet<string> stems, string[] trigger)
    {
        var content = trigger.Where(w => !StopWords.Contains(w)).ToList();
        if (content.Count == 0 || (content.Count == 1 && trigger.Length > 1))
        {
            return false;
        }

        return content.All(w => w.Length >= 3 && stems.Contains(AnswerIndex.Stem(w)));
    }

    private static bool Contains(IReadOnlyList<string> words, string[] trigger)
    {
        for (var start = 0; start + trigger.Length <= words.Count; start++)
        {
            var all = true;
            for (var j = 0; j < trigger.Length && all; j++)
            {
                all = Same(words[start + j], trigger[j]);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
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
