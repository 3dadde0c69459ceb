using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Reach.Bot.Localization;
using Reach.Content.Model;
using Reach.Web.Accounts;
using Reach.Web.ContentEditing;
using Reach.Web.Translations;

namespace Reach.Web.Pages.Content.Faq;

/// <summary>
/// One FAQ entry with all offered languages side by side (Arabic right to left), each answer with its translation
/// status. Changing the source answer marks the other languages outdated until reviewed; a machine draft (Azure AI
/// Translator, when configured) waits for review and is not published before, unless the organisation allows it,
/// labelled. Publishing makes a new content version, as <c>reach content import</c> does; the bot uses it at once.
/// </summary>
public sealed class EditModel(ContentWorkspace workspace, TranslationStore translations, TranslatorClient translator, IOptions<TranslatorOptions> translatorOptions) : PageModel
{
    public string Id { get; private set; } = string.Empty;

    public string Source { get; private set; } = "fr";

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public Dictionary<string, string> Statuses { get; } = [];

    public bool CanTranslate => translatorOptions.Value.Enabled;

    public bool ShowUnreviewed { get; private set; }

    [BindProperty] public Dictionary<string, string> Questions { get; set; } = [];
    [BindProperty] public Dictionary<string, string> Answers { get; set; } = [];
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string[] Reviewed { get; set; } = [];
    [BindProperty] public string? Action { get; set; }

    /// <summary>The entry differs in the draft from the published version.</summary>
    public bool InDraft { get; private set; }

    public Dictionary<string, string> Errors { get; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    private Workspace? current;

    private string AnswerKey => $"faq:{Id}:answer";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not ({ } entry, _, { } rows))
        {
            return NotFound();
        }

        Questions = entry.Questions.Items.ToDictionary(q => q.Key, q => string.Join('\n', q.Value));
        Answers = entry.Answer.Texts.ToDictionary(a => a.Key, a => ItemTexts.Unlabel(a.Key, a.Value));
        foreach (var ((_, language), row) in rows.Where(r => r.Key.Key == AnswerKey && r.Value is { Status: "machine", Draft: not null }))
        {
            Answers[language] = row.Draft!;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(string id, string language, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not ({ } entry, _, _) || !Languages.Contains(language) || language == Source)
        {
            return NotFound();
        }

        var source = entry.Answer.Find(Source) ?? string.Empty;
        try
        {
            var draft = await translator.TranslateAsync(source, Source, language, cancellationToken);
            await translations.SetAsync(User.Organisation(), AnswerKey, language, "machine", source, draft, User.Actor(), cancellationToken);
            Message = $"Machine draft in {language}: read it, correct it, tick Reviewed, then publish.";
        }
        catch (Exception e) when (e is TranslatorException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Message = $"The translator did not answer ({e.Message}). Nothing was changed.";
        }

        return Redirect($"/content/faq/{id}");
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not ({ } entry, { } published, { } rows) || current is null)
        {
            return NotFound();
        }

        var questions = Languages.ToDictionary(
            l => l,
            l => (IReadOnlyList<string>)(Questions.GetValueOrDefault(l) ?? string.Empty).Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0).ToList());
        var answers = Languages.Where(l => !string.IsNullOrWhiteSpace(Answers.GetValueOrDefault(l))).ToDictionary(l => l, l => Answers[l].Trim());
        if (!answers.TryGetValue(Source, out var newSource))
        {
            Errors[Source] = "The answer in the source language is required: people of every language fall back to it.";
        }

        if (questions[Source].Count == 0)
        {
            Errors[Source] = (Errors.GetValueOrDefault(Source) + " Give at least one way people ask, in the source language.").Trim();
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var oldSource = entry.Answer.Find(Source) ?? string.Empty;
        var organisation = published.Organisation.Id;
        var toPublish = new Dictionary<string, string>(answers, StringComparer.Ordinal);
        var changes = new List<(string Language, string Status, string? Draft)>();
        foreach (var language in Languages.Where(l => l != Source))
        {
            var row = rows.GetValueOrDefault((AnswerKey, language));
            var old = entry.Answer.Find(language) is { } o ? ItemTexts.Unlabel(language, o) : null;
            var now = answers.GetValueOrDefault(language);
            var reviewed = Reviewed.Contains(language);
            if (now is not null && row is { Status: "machine", Draft: { } draft } && now == draft && !reviewed)
            {
                // An unreviewed machine draft: kept for review; people get it only if the organisation allows, labelled.
                if (ShowUnreviewed)
                {
                    toPublish[language] = $"{now} {Locales.Default.Text(language, "machine.translated")}";
                }
                else if (old is not null)
                {
                    toPublish[language] = entry.Answer.Find(language)!;
                }
                else
                {
                    toPublish.Remove(language);
                }

                continue;
            }

            if (now is not null && (now != old || reviewed))
            {
                changes.Add((language, "reviewed", null));
            }
            else if (now is not null && newSource != oldSource)
            {
                changes.Add((language, "outdated", null));
            }
        }

        var edited = entry with
        {
            Questions = new LocalizedList(questions.Where(q => q.Value.Count > 0)),
            Answer = new LocalizedText(toPublish),
        };
        var publish = Action != "draft";
        var result = await workspace.SaveAsync(
            current, c => c with { Faq = ContentWorkspace.Replace(c.Faq, f => f.Id, id, edited) }, publish, User.Actor(),
            string.IsNullOrWhiteSpace(Note) ? $"FAQ {id} edited" : Note.Trim(), cancellationToken);
        if (!result.Saved)
        {
            Error = "Nothing was saved: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));
            return Page();
        }

        foreach (var (language, status, draft) in changes)
        {
            // Outdated keeps the hash of the source it was made from; reviewed takes the new one.
            await translations.SetAsync(organisation, AnswerKey, language, status, status == "outdated" ? oldSource : newSource!, draft, User.Actor(), cancellationToken);
        }

        Message = publish ? $"Published as version {result.PublishedVersion}." : "Saved in the draft. People still get the published version until the draft is published.";
        return Redirect($"/content/faq/{id}");
    }

    private async Task<(FaqEntry? Entry, OrganisationContent? Content, IReadOnlyDictionary<(string Key, string Language), TranslationRow>? Rows)> LoadAsync(string id, CancellationToken cancellationToken)
    {
        current = await workspace.LoadAsync(User.Organisation(), cancellationToken);
        var working = current?.Working;
        var entry = working?.Faq.FirstOrDefault(f => f.Id == id);
        if (current is null || working is null || entry is null)
        {
            return (null, null, null);
        }

        InDraft = current.Draft is not null && Reach.Content.Drafts.DraftMerge.Changes(current.Published.Content, working).Any(c => c.Section == "faq" && c.Id == id);
        var published = new { Content = working };

        Id = id;
        Source = published.Content.Organisation.SourceLanguage;
        Languages = published.Content.Organisation.Languages;
        ShowUnreviewed = translatorOptions.Value.ShowUnreviewedFor.Contains(published.Content.Organisation.Id);
        var rows = await translations.ForItemAsync(published.Content.Organisation.Id, AnswerKey, cancellationToken);
        var source = entry.Answer.Find(Source) ?? string.Empty;
        foreach (var language in Languages)
        {
            Statuses[language] = language == Source ? "source" : TranslationStatus.Of(source, entry.Answer.Find(language), rows.GetValueOrDefault((AnswerKey, language)));
        }

        return (entry, published.Content, rows);
    }
}
