using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Content.Storage;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Content.Faq;

/// <summary>The organisation's FAQ entries with the languages each is missing.</summary>
public sealed class IndexModel(IContentStore content) : PageModel
{
    public int Version { get; private set; }

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public IReadOnlyList<(string Id, string Question, IReadOnlyList<string> Missing)> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var published = await content.GetPublishedAsync(User.Organisation(), cancellationToken);
        if (published is null)
        {
            return;
        }

        var organisation = published.Content.Organisation;
        Version = published.Version;
        Languages = organisation.Languages;
        Entries = published.Content.Faq
            .Select(f => (f.Id, f.Questions.Get(organisation.SourceLanguage) is [var first, ..] ? first : f.Id,
                (IReadOnlyList<string>)organisation.Languages.Where(l => !f.Answer.Has(l) || !f.Questions.Has(l)).ToList()))
            .ToList();
    }
}
