using Reach.Bot.Language;

namespace Reach.Bot.Matching;

/// <summary>
/// The features of a text for matching, written without allocating a string per feature: each concept
/// (<c>@debt</c>, worth five trigrams), each content word's stem (<c>#dettes</c>, worth two), a short
/// word whole (<c>#rdv</c>), and the character trigrams of each content word padded as <c>^word$</c>.
/// </summary>
internal static class Features
{
    /// <summary>How many trigrams one shared concept is worth.</summary>
    public const int ConceptWeight = 5;

    /// <summary>Receives one feature and how many times it counts.</summary>
    public delegate void Sink(ReadOnlySpan<char> feature, int count);

    public static void Write(IReadOnlyList<string> words, Sink sink) =>
        Write(words, ConceptLexicon.Default.Find(words), sink);

    /// <summary>The same, with the concepts of the words already found.</summary>
    public static void Write(IReadOnlyList<string> words, IReadOnlyCollection<string> concepts, Sink sink)
    {
        Span<char> buffer = stackalloc char[66];
        foreach (var concept in concepts)
        {
            if (ConceptLexicon.IsOutOfScope(concept))
            {
                continue; // says what Reach does not cover: never a reason to match.
            }

            buffer[0] = '@';
            var length = Math.Min(concept.Length, buffer.Length - 1);
            concept.AsSpan(0, length).CopyTo(buffer[1..]);
            sink(buffer[..(length + 1)], ConceptWeight);
        }

        foreach (var word in words)
        {
            if (StopWords.Contains(word))
            {
                continue;
            }

            buffer[0] = '#';
            if (word.Length <= 2)
            {
                word.AsSpan().CopyTo(buffer[1..]);
                sink(buffer[..(word.Length + 1)], 1);
                continue;
            }

            var stem = AnswerIndex.Stem(word);
            stem.AsSpan().CopyTo(buffer[1..]);
            sink(buffer[..(stem.Length + 1)], 2);

            // ^word$ trigrams; words longer than the buffer contribute their first 63 letters.
            var letters = Math.Min(word.Length, buffer.Length - 2);
            buffer[0] = '^';
            word.AsSpan(0, letters).CopyTo(buffer[1..]);
            buffer[letters + 1] = '$';
            for (var i = 0; i + 3 <= letters + 2; i++)
            {
                sink(buffer.Slice(i, 3), 1);
            }
        }
    }
}
