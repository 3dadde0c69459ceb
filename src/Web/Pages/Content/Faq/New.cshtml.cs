using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Content.Model;
using Reach.Content.Storage;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Content.Faq;

/// <summary>A new FAQ entry, often started from a question Reach did not understand; published as a new version.</summary>
public sealed partial class NewModel(IContentStore content, AuditLog audit) : PageModel
{
    [BindProperty] public string? EntryId { get; set; }
    [BindProperty] public string? Topic { get; set; }
    [BindProperty] public Dictionary<string, string> Questions { get; set; } = [];
    [BindProperty] public Dictionary<string, string> Answers { get; set; } = [];

    public string Source { get; private set; } = "fr";

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? language, string? question, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is null)
        {
            return NotFound();
        }

        EntryId = $"{User.Organisation()}-faq-";
        if (language is not null && question is not null && Languages.Contains(language))
        {
            Questions[language] = question;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } published)
        {
            return NotFound();
        }

        var id = (EntryId ?? string.Empty).Trim();
        var questions = Languages.Select(l => (l, (IReadOnlyList<string>)(Questions.GetValueOrDefault(l) ?? string.Empty).Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0).ToList()))
            .Where(q => q.Item2.Count > 0).ToDictionary(q => q.l, q => q.Item2);
        var answers = Languages.Where(l => !string.IsNullOrWhiteSpace(Answers.GetValueOrDefault(l))).ToDictionary(l => l, l => Answers[l].Trim());
        Error = !IdPattern().IsMatch(id) ? "The identifier takes lowercase letters, digits and dashes, like sem-faq-bike."
            : published.Faq.Any(f => f.Id == id) || published.Services.Any(s => s.Id == id) || published.Activities.Any(a => a.Id == id) ? $"{id} is already used; choose another identifier."
            : !answers.ContainsKey(Source) ? $"Write the answer in {Source}: people of every language fall back to it."
            : questions.Count == 0 ? "Give at least one way people ask."
            : null;
        if (Error is not null)
        {
            return Page();
        }

        var entry = new FaqEntry(id, new LocalizedList(questions), new LocalizedText(answers)) { Topic = string.IsNullOrWhiteSpace(Topic) ? null : Topic.Trim() };
        var result = await content.PublishAsync(published with { Faq = [.. published.Faq, entry] }, User.Actor(), $"FAQ {id} added", cancellationToken);
        await audit.WriteAsync(published.Organisation.Id, User.Actor(), "content.faq.new", $"FAQ {id}: version {result.Version}", cancellationToken);
        TempData["Message"] = $"Published as version {result.Version}.";
        return Redirect($"/content/faq/{id}");
    }

    private async Task<OrganisationContent?> LoadAsync(CancellationToken cancellationToken)
    {
        var published = (await content.GetPublishedAsync(User.Organisation(), cancellationToken))?.Content;
        if (published is not null)
        {
            Source = published.Organisation.SourceLanguage;
            Languages = published.Organisation.Languages;
        }

        return published;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,60}$")]
    private static partial Regex IdPattern();
}
