using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Bot.Language;
using Reach.Content.Storage;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Staff;

/// <summary>The unanswered questions, the same question (after normalisation) counted once, most asked first.</summary>
public sealed class QuestionsModel(IUnansweredQuestions questions) : PageModel
{
    public IReadOnlyList<(string Text, string Language, int Count, DateTimeOffset Last)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Groups = (await questions.ListAsync(User.Organisation(), 2000, cancellationToken))
            .GroupBy(q => (TextNormalizer.Normalize(q.Text), q.Language))
            .Select(g => (g.First().Text, g.Key.Language, g.Count(), g.Max(q => q.AskedAt)))
            .OrderByDescending(g => g.Item3).ThenByDescending(g => g.Item4)
            .Take(200)
            .ToList();
}
