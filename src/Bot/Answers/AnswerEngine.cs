using System.Text;
using NodaTime;
using Reach.Bot.Language;
using Reach.Bot.Localization;
using Reach.Bot.Matching;
using Reach.Content.Model;

namespace Reach.Bot.Answers;

/// <summary>
/// Answers one message from one organisation's curated content only: safety topics first, then the
/// best-matching FAQ entry, service, activity or referral, or an honest "I did not understand" with
/// the way to a person. Times are computed in the organisation's time zone at the given instant.
/// </summary>
public sealed class AnswerEngine
{
    private readonly OrganisationContent content;
    private readonly Locales locales;
    private readonly AnswerOptions options;
    private readonly AnswerIndex index;
    private readonly SafetyMatcher safety;
    private readonly ScheduleAnswers schedules;
    private readonly DateTimeZone zone;

    public AnswerEngine(OrganisationContent content, Locales locales, AnswerOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        this.content = content;
        this.locales = locales ?? throw new ArgumentNullException(nameof(locales));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        index = AnswerIndex.Build(content);
        safety = new SafetyMatcher(content);
        schedules = new ScheduleAnswers(content, locales);
        zone = DateTimeZoneProviders.Tzdb[content.Organisation.TimeZone];
    }

    public OrganisationContent Content => content;

    /// <summary>Answers <paramref name="message"/>; never throws for any text.</summary>
    /// <param name="message">What the person wrote, as received.</param>
    /// <param name="language">The person's chosen language, or null to detect it.</param>
    /// <param name="now">The current instant.</param>
    public Answer Answer(string? message, string? language, Instant now)
    {
        var text = Acronyms.Expand(Clean(message));
        var words = TextNormalizer.Words(text);
        var chosen = language is not null && content.Organisation.Languages.Contains(language) ? language : null;
        var reply = chosen ?? LanguageIdentifier.Identify(text, words, content.Organisation.Languages)?.Language ?? content.Organisation.SourceLanguage;

        if (safety.Match(words) is { } topic)
        {
            var lines = new StringBuilder(topic.Answer.Get(reply, content.Organisation.SourceLanguage));
            foreach (var contact in topic.Contacts)
            {
                lines.Append('\n').Append("- ").Append(contact.Name.Get(reply, content.Organisation.SourceLanguage)).Append(": ").Append(contact.Phone);
            }

            lines.Append('\n').Append(locales.Text(reply, "safety.handoff", ("organisation", OrganisationName(reply))));
            return new Answer(reply, new MatchTarget(MatchKind.Safety, topic.Id), 1.0, lines.ToString(), Handoff: true);
        }

        var languages = Languages(reply);
        var known = index.KnownShare(words, languages);
        var concepts = ConceptLexicon.Default.Find(words);
        var found = index.Search(words, concepts, languages, take: 8);
        var cues = QuestionCues.Read(words);
        var best = found.Count > 0 ? Prefer(found, cues, index.Named(words)) : null;
        if (best is not null && concepts.Any(ConceptLexicon.IsOutOfScope))
        {
            // The message is about something Reach knows it does not cover: only a very close match answers.
            best = best with { Score = Math.Round(best.Score * OutOfScopePenalty, 4) };
        }
        if (AsksWhetherOpen(concepts, cues, words, best) && schedules.Desks(cues, reply, now.InZone(zone)) is ({ } desks, { } first))
        {
            // "Are you open now?" with no desk named: the desks open that day, from the structured hours.
            return new Answer(reply, new MatchTarget(MatchKind.Service, first.Id), Math.Max(best?.Score ?? 0, options.Threshold), desks + "\n" + Handoff(reply), Handoff: false) { Known = known };
        }

        if (best is null || best.Score < Threshold(best, concepts))
        {
            return new Answer(reply, null, best?.Score ?? 0, NotUnderstood(reply), Handoff: true) { Known = known };
        }

        var (answer, handoff) = Compose(best.Target, cues, reply, now.InZone(zone));
        return new Answer(reply, best.Target, best.Score, answer + "\n" + Handoff(reply), handoff) { Known = known };
    }

    /// <summary>The opening hours of every desk in the coming week, for the main menu.</summary>
    public string OpeningHours(string language, Instant now) =>
        schedules.Week(language, now.InZone(zone)) + "\n" + Handoff(language);

    /// <summary>The coming sessions of activities of these kinds, for the main menu.</summary>
    public string Upcoming(IReadOnlyCollection<ActivityKind> kinds, string language, Instant now) =>
        schedules.List(kinds, 31, language, now.InZone(zone)) + "\n" + Handoff(language);

    /// <summary>A date as a reader of <paramref name="language"/> expects it.</summary>
    public string FormatDate(LocalDate date, string language) => schedules.FormatDate(date, language);

    /// <summary>A session's times, e.g. 14:00–16:30.</summary>
    public string FormatTimes(Session session, string language)
    {
        ArgumentNullException.ThrowIfNull(session);
        return locales.Text(language, "time.range",
            ("from", session.From.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            ("to", session.To.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The local date at an instant, in the organisation's time zone.</summary>
    public LocalDate Today(Instant now) => now.InZone(zone).Date;

    /// <summary>When the team will next read messages: the next desk opening, or null when none is known.</summary>
    public string? NextOpening(string language, Instant now) => schedules.NextOpening(language, now.InZone(zone));

    /// <summary>"Talk to a person": the organisation's contact.</summary>
    public string Contact(string language) => Handoff(language);

    /// <summary>Why the engine answers as it does: the language, concepts, cues and best candidates, for coordinators.</summary>
    public IReadOnlyList<string> Explain(string? message, string? language)
    {
        var text = Clean(message);
        var reply = language ?? DetectLanguage(text) ?? content.Organisation.SourceLanguage;
        var words = TextNormalizer.Words(text);
        var lines = new List<string>
        {
            $"language: {reply}",
            $"words: {string.Join(" ", words)}",
            $"concepts: {string.Join(", ", ConceptLexicon.Default.Find(words))}",
            $"cues: {QuestionCues.Read(words)}",
            $"safety: {safety.Match(words)?.Id ?? "-"}",
            $"named: {string.Join(", ", index.Named(words).Select(t => t.Id))}",
        };
        var languages = Languages(reply);
        lines.AddRange(index.Search(words, languages, take: 8).Select(c => $"  {c.Score:0.000} {c.Target.KindName} {c.Target.Id}"));
        return lines;
    }

    /// <summary>
    /// The languages whose curated texts a message is compared with: its own, the source language, and
    /// English when offered, since people often mix in English words.
    /// </summary>
    private HashSet<string> Languages(string reply)
    {
        var languages = new HashSet<string>(StringComparer.Ordinal) { reply, content.Organisation.SourceLanguage };
        if (content.Organisation.Languages.Contains("en"))
        {
            languages.Add("en");
        }

        return languages;
    }

    /// <summary>The language of a message among the offered ones, or null when nothing tells.</summary>
    public string? DetectLanguage(string? message) =>
        LanguageIdentifier.Identify(Clean(message), content.Organisation.Languages)?.Language;

    private (string Text, bool Handoff) Compose(MatchTarget target, QuestionCues cues, string language, ZonedDateTime now)
    {
        var source = content.Organisation.SourceLanguage;
        switch (target.Kind)
        {
            case MatchKind.Faq:
                var faq = content.Faq.First(f => f.Id == target.Id);
                var outings = Listing(faq.Related, cues);
                return (outings is null ? faq.Answer.Get(language, source) : faq.Answer.Get(language, source) + "\n" + schedules.List(outings, 31, language, now), faq.Handoff);
            case MatchKind.Activity when Listing([target.Id], cues) is { } kinds:
                return (schedules.List(kinds, 31, language, now), false);
            case MatchKind.Service:
                return (schedules.Answer(content.Services.First(s => s.Id == target.Id), cues, language, now), false);
            case MatchKind.Activity:
                return (schedules.Answer(content.Activities.First(a => a.Id == target.Id), cues, language, now), false);
            default:
                var referral = content.Referrals.First(r => r.Id == target.Id);
                var text = locales.Text(language, "referral", ("name", referral.Name.Get(language, source)), ("description", referral.Description?.Get(language, source) ?? string.Empty)).TrimEnd(' ', ':');
                var contact = ScheduleAnswers.Contact(referral.Contact);
                return (contact is null ? text : text + "\n" + locales.Text(language, "referral.contact", ("contact", contact)), false);
        }
    }

    /// <summary>
    /// A question about a day, a place or what to bring is better answered from a named service or
    /// activity than from a general FAQ entry, when that item scores nearly as well.
    /// </summary>
    private static ScoredTarget Prefer(IReadOnlyList<ScoredTarget> found, QuestionCues cues, IReadOnlySet<MatchTarget> named)
    {
        var best = found[0];
        if (best.Target.Kind is MatchKind.Service or MatchKind.Activity)
        {

            // A general question ("what papers do I bring?", "how do I find a flat?") about no item in
            // particular is better answered by the FAQ entry written for it, when that scores nearly as well.
            var faq = found.FirstOrDefault(f => f.Target.Kind == MatchKind.Faq);
            var general = !named.Contains(best.Target) && (cues.Kind is QuestionKind.Bring or QuestionKind.Appointment || !cues.AboutSchedule);
            return general && faq is not null && faq.Score >= FaqPreference * best.Score ? faq : best;
        }

        // "What do I bring?", "do I need an appointment?" about no item in particular: the FAQ entry answers.
        var namedItem = found.Any(f => f.Target.Kind is MatchKind.Service or MatchKind.Activity && named.Contains(f.Target));
        if (!cues.AboutSchedule || (cues.Kind is QuestionKind.Bring or QuestionKind.Appointment && !namedItem))
        {
            return best;
        }

        // An item the message names ("Boondael", "the sewing workshop") wins more easily than one it only resembles.
        var item = found.FirstOrDefault(f => f.Target.Kind is MatchKind.Service or MatchKind.Activity && named.Contains(f.Target))
            ?? found.FirstOrDefault(f => f.Target.Kind is MatchKind.Service or MatchKind.Activity);
        if (item is null)
        {
            return best;
        }

        // When the message names the item, the question is understood as well as the best entry says.
        return named.Contains(item.Target)
            ? item.Score >= NamedItemPreference * best.Score ? item with { Score = best.Score } : best
            : item.Score >= ItemPreference * best.Score ? item : best;
    }

    /// <summary>
    /// The confidence needed to answer: lower when the message and the item name the same concept
    /// (home visits, debts, school supplies…), which is strong evidence even with few shared words.
    /// </summary>
    private double Threshold(ScoredTarget best, IReadOnlyCollection<string> concepts) =>
        index.SharesConcept(best.Target, concepts) && !concepts.Any(ConceptLexicon.IsOutOfScope)
            ? options.Threshold * SharedConceptFactor
            : options.Threshold;

    /// <summary>How much lower the threshold is when message and item share a concept.</summary>
    private const double SharedConceptFactor = 0.85;

    /// <summary>
    /// True for "are you open (today, now, on Thursday)?" that names no desk or activity and that no
    /// service or activity answers better.
    /// </summary>
    private bool AsksWhetherOpen(IReadOnlyCollection<string> concepts, QuestionCues cues, IReadOnlyList<string> words, ScoredTarget? best) =>
        cues.AboutSchedule
        && cues.Kind == QuestionKind.When
        && (concepts.Contains("open_now_today") || concepts.Contains("opening_hours") || concepts.Contains("social_desk") || concepts.Contains("social_worker"))
        && !concepts.Any(ConceptLexicon.IsOutOfScope)
        && index.Named(words).Count == 0
        && (best is null || best.Target.Kind == MatchKind.Faq || best.Score < options.Threshold || !index.SharesConcept(best.Target, concepts));

    /// <summary>What a match is worth when the message names a topic Reach does not cover.</summary>
    private const double OutOfScopePenalty = 0.4;

    /// <summary>How close a FAQ entry must score to the best item to be preferred for a general question.</summary>
    private const double FaqPreference = 0.75;

    /// <summary>How close an item must score to the best FAQ entry to be preferred for a day or place question.</summary>
    private const double ItemPreference = 0.8;

    /// <summary>The same for an item the message names by a word of its title found in no other title.</summary>
    private const double NamedItemPreference = 0.3;

    /// <summary>
    /// The kinds of outings to list when a message asks what is on this week or month and is about
    /// outings or events ("which outings are there this month?"), else null.
    /// </summary>
    private List<ActivityKind>? Listing(IReadOnlyList<string> related, QuestionCues cues)
    {
        if (cues.Day is not (DayCue.ThisMonth or DayCue.ThisWeek))
        {
            return null;
        }

        var kinds = content.Activities.Where(a => related.Contains(a.Id) && a.Kind is ActivityKind.Outing or ActivityKind.Event)
            .Select(a => a.Kind).Distinct().ToList();
        return kinds.Count == 0 ? null : kinds;
    }

    private string NotUnderstood(string language) =>
        locales.Text(language, "not_understood") + "\n" + Handoff(language);

    private string Handoff(string language) =>
        locales.Text(language, "handoff", ("contact", ScheduleAnswers.Contact(content.Organisation.Contact) ?? OrganisationName(language)));

    private string OrganisationName(string language) =>
        content.Organisation.Name.Get(language, content.Organisation.SourceLanguage);

    /// <summary>Drops control characters and lone surrogates, and cuts very long input.</summary>
    private string Clean(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return string.Empty;
        }

        var text = message.Length > options.MaxMessageLength ? message[..options.MaxMessageLength] : message;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not '\n' and not '\t'))
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
