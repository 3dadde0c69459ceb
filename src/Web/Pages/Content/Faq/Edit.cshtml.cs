using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Content.Model;
using Reach.Content.Storage;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Content.Faq;

/// <summary>
/// One FAQ entry with all offered languages side by side (Arabic right to left). Publishing makes a new content
/// version, as <c>reach content import</c> does; the bot answers with it at once.
/// </summary>
public sealed class EditModel(IContentStore content, AuditLog audit) : PageModel
{
    public string Id { get; private set; } = string.Empty;

    public string Source { get; private set; } = "fr";

    public IReadOnlyList<string> Languages { get; private set; } = [];

    [BindProperty] public Dictionary<string, string> Questions { get; set; } = [];
    [BindProperty] public Dictionary<string, string> Answers { get; set; } = [];
    [BindProperty] public string? Note { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not ({ } entry, _))
        {
            return NotFound();
        }

        Questions = entry.Questions.Items.ToDictionary(q => q.Key, q => string.Join('\n', q.Value));
        Answers = entry.Answer.Texts.ToDictionary(a => a.Key, a => a.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not ({ } entry, { } published))
        {
            return NotFound();
        }

        var questions = Languages.ToDictionary(
            l => l,
            l => (IReadOnlyList<string>)(Questions.GetValueOrDefault(l) ?? string.Empty).Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0).ToList());
        var answers = Languages.Where(l => !string.IsNullOrWhiteSpace(Answers.GetValueOrDefault(l))).ToDictionary(l => l, l => Answers[l].Trim());
        if (!answers.ContainsKey(Source))
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

        var edited = entry with
        {
            Questions = new LocalizedList(questions.Where(q => q.Value.Count > 0)),
            Answer = new LocalizedText(answers),
        };
        var changed = published with { Faq = published.Faq.Select(f => f.Id == id ? edited : f).ToList() };
        var result = await content.PublishAsync(changed, User.Actor(), string.IsNullOrWhiteSpace(Note) ? $"FAQ {id} edited" : Note.Trim(), cancellationToken);
        await audit.WriteAsync(published.Organisation.Id, User.Actor(), "content.faq", $"FAQ {id}: version {result.Version}", cancellationToken);
        Message = result.Changed ? $"Published as version {result.Version}." : "Nothing changed.";
        return Redirect($"/content/faq/{id}");
    }

    private async Task<(FaqEntry? Entry, OrganisationContent? Content)> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var published = await content.GetPublishedAsync(User.Organisation(), cancellationToken);
        var entry = published?.Content.Faq.FirstOrDefault(f => f.Id == id);
        if (published is null || entry is null)
        {
            return (null, null);
        }

        Id = id;
        Source = published.Content.Organisation.SourceLanguage;
        Languages = published.Content.Organisation.Languages;
        return (entry, published.Content);
    }
}
