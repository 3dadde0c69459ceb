using Reach.Bot.Language;
using Reach.Content.Model;

namespace Reach.Bot.Matching;

/// <summary>Collects the weighted texts of every curated item, with one id per distinct feature.</summary>
internal sealed class IndexBuilder
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public IndexBuilder() => lookup = Ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public Dictionary<string, int> Ids { get; } = new(StringComparer.Ordinal);

    public List<AnswerIndex.Field> Fields { get; } = [];

    /// <summary>The concepts each item's texts name, in any language.</summary>
    public Dictionary<MatchTarget, HashSet<string>> Concepts { get; } = [];

    /// <summary>Title word stems of services and activities, for recognising a named item.</summary>
    public Dictionary<string, HashSet<MatchTarget>> TitleWords { get; } = new(StringComparer.Ordinal);

    public void AddContent(OrganisationContent content)
    {
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

            AddTexts(target, faq.Answer, 0.55f);
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
    }

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

        foreach (var word in item.Title.Texts.Values.SelectMany(TextNormalizer.Words).Where(w => w.Length >= 3 && !StopWords.Contains(w)))
        {
            var stem = AnswerIndex.Stem(word);
            if (!TitleWords.TryGetValue(stem, out var set))
            {
                TitleWords[stem] = set = [];
            }

            set.Add(target);
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
        var counts = new Dictionary<int, int>();
        var words = TextNormalizer.Words(text);
        var concepts = ConceptLexicon.Default.Find(words);
        if (concepts.Count > 0)
        {
            if (!Concepts.TryGetValue(target, out var set))
            {
                Concepts[target] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(concepts);
        }

        Features.Write(words, concepts, (feature, count) =>
        {
            if (!lookup.TryGetValue(feature, out var id))
            {
                id = Ids.Count;
                lookup[feature] = id;
            }

            counts[id] = counts.GetValueOrDefault(id) + count;
        });
        if (counts.Count > 0)
        {
            Fields.Add(new AnswerIndex.Field(target, language, weight, counts));
        }
    }
}
