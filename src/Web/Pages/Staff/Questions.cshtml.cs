using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Bot.Language;
using Reach.Content.Model;
using Reach.Content.Storage;
using Reach.Web.Accounts;
using Reach.Web.Translations;

namespace Reach.Web.Pages.Staff;

/// <summary>
/// The questions Reach did not understand, grouped across languages by the things they name (the answer engine's
/// concepts, shared by every language), else by their normalised text; shown in the reader's language when the
/// group has it, else with a machine translation into it (when a translator is configured). Coordinators add a group as ways of asking an existing entry, or start a new entry from it.
/// </summary>
public sealed class QuestionsModel(IUnansweredQuestions questions, IContentStore content, ReadingTranslator translator, AuditLog audit) : PageModel
{
    public IReadOnlyList<Group> Groups { get; private set; } = [];

    /// <summary>The language of the signed-in account (else the organisation's source language).</summary>
    public string Reader { get; private set; } = "fr";

    /// <summary>Said when the translator failed or was slow: the questions are shown as written.</summary>
    public string? TranslationNote { get; private set; }

    public IReadOnlyList<(string Id, string Question)> Entries { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var foreign = Groups.Where(g => !ReadingTranslator.SameLanguage(g.ShownLanguage, Reader)).ToList();
        if (!translator.Enabled || foreign.Count == 0)
        {
            return;
        }

        // One request for the whole page (at most 100 groups), then from the cache.
        var translations = await translator.TranslateAsync(foreign.Select(g => g.Shown), Reader, cancellationToken);
        Groups = Groups.Select(g => foreign.Contains(g) ? g with { Translation = translations.For(g.Shown) } : g).ToList();
        TranslationNote = translations.Unavailable ? "The translator did not answer: the questions are shown as written." : null;
    }

    public static string Direction(string? language) => ReadingTranslator.IsRightToLeft(language) ? "rtl" : "auto";

    public async Task<IActionResult> OnPostVariantAsync(string group, string entry, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.Coordinator))
        {
            return Forbid();
        }

        var published = await LoadAsync(cancellationToken);
        var chosen = Groups.FirstOrDefault(g => g.Key == group);
        var faq = published?.Faq.FirstOrDefault(f => f.Id == entry);
        if (published is null || chosen is null || faq is null)
        {
            return NotFound();
        }

        var questionsByLanguage = faq.Questions.Items.ToDictionary(q => q.Key, q => q.Value.ToList());
        foreach (var (language, text) in chosen.Texts.Where(t => published.Organisation.Languages.Contains(t.Language)))
        {
            var list = questionsByLanguage.TryGetValue(language, out var existing) ? existing : questionsByLanguage[language] = [];
            if (!list.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(text);
            }
        }

        var edited = faq with { Questions = new LocalizedList(questionsByLanguage.Select(q => KeyValuePair.Create(q.Key, (IReadOnlyList<string>)q.Value))) };
        var result = await content.PublishAsync(published with { Faq = published.Faq.Select(f => f.Id == entry ? edited : f).ToList() }, User.Actor(), $"ways of asking added to {entry}", cancellationToken);
        await questions.ResolveAsync(published.Organisation.Id, chosen.Texts.Select(t => t.Text).ToList(), cancellationToken);
        await audit.WriteAsync(published.Organisation.Id, User.Actor(), "content.variant", $"{chosen.Texts.Count} question(s) added to {entry} (version {result.Version})", cancellationToken);
        Message = $"Added to \"{Entries.First(e => e.Id == entry).Question}\" and published (version {result.Version}). Reach now understands it.";
        return Redirect("/staff/questions");
    }

    private async Task<OrganisationContent?> LoadAsync(CancellationToken cancellationToken)
    {
        var organisation = User.Organisation();
        var published = (await content.GetPublishedAsync(organisation, cancellationToken))?.Content;
        var source = published?.Organisation.SourceLanguage ?? "fr";
        Entries = published?.Faq.Select(f => (f.Id, f.Questions.Get(source) is [var first, ..] ? first : f.Id)).ToList() ?? [];
        var reader = Reader = User.FindFirstValue(StaffAppExtensions.LanguageClaim) ?? source;
        var lexicon = ConceptLexicon.Default;
        Groups = (await questions.ListAsync(organisation, 2000, cancellationToken))
            .GroupBy(q =>
            {
                var words = TextNormalizer.Words(q.Text);
                var concepts = lexicon.Find(words).Where(c => !ConceptLexicon.IsOutOfScope(c)).Order(StringComparer.Ordinal).ToList();
                return concepts.Count > 0 ? "concepts:" + string.Join('+', concepts) : "text:" + string.Join(' ', words);
            })
            .Select(g => (Key: g.Key, Items: g.ToList()))
            .OrderByDescending(g => g.Items.Count).ThenByDescending(g => g.Items.Max(q => q.AskedAt))
            .Take(100)
            .Select((g, i) =>
            {
                var texts = g.Items.GroupBy(q => (q.Language, q.Text)).OrderByDescending(t => t.Count()).Select(t => (t.Key.Language, t.Key.Text)).ToList();
                var shown = texts.FirstOrDefault(t => t.Language == reader) is { Text: not null } mine ? mine : texts[0];
                return new Group(i, g.Key, shown.Text, g.Items.Count, g.Items.Max(q => q.AskedAt), texts.Select(t => t.Language).Distinct().ToList(), texts) { ShownLanguage = shown.Language };
            })
            .ToList();
        return published;
    }

    public sealed record Group(int Index, string Key, string Shown, int Count, DateTimeOffset Last, IReadOnlyList<string> Languages, IReadOnlyList<(string Language, string Text)> Texts)
    {
        public string ShownLanguage { get; init; } = string.Empty;

        /// <summary>The machine translation of <see cref="Shown"/> into the reader's language, when it is in another.</summary>
        public string? Translation { get; init; }
    }
}
