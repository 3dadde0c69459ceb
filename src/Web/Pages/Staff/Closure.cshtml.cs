using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Reach.Content.Drafts;
using Reach.Content.Model;
using Reach.Content.Storage;
using Reach.Notifications.Delivery;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Staff;

/// <summary>
/// "The clothing shop is closed today": one form adds a closure to a service or activity and publishes it (a new
/// content version, used by the bot at once), then offers to write to the people signed up for the sessions it
/// cancels.
/// </summary>
public sealed class ClosureModel(IContentStore content, ContentDraftStore drafts, OrganisationZones zones, TimeProvider time, AuditLog audit) : PageModel
{
    [BindProperty] public string? Item { get; set; }
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? To { get; set; }
    [BindProperty] public Dictionary<string, string> Reasons { get; set; } = [];

    public string Source { get; private set; } = "fr";

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Items { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public IReadOnlyList<(string Label, string Link)> Offers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var published = await LoadAsync(cancellationToken);
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(await zones.ZoneAsync(User.Organisation(), cancellationToken)).Date.ToDateOnly();
        From ??= today;
        To ??= From;
        _ = published;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } published)
        {
            return NotFound();
        }

        var reason = Reasons.GetValueOrDefault(Source)?.Trim();
        if (From is not { } from || To is not { } to || to < from)
        {
            Error = "Give the first and the last day closed (the last one on or after the first).";
            return Page();
        }

        if (string.IsNullOrEmpty(reason))
        {
            Error = $"Say why in {Source}: people are told the reason.";
            return Page();
        }

        var closure = new Closure(LocalDate.FromDateOnly(from), LocalDate.FromDateOnly(to), new LocalizedText(
            Reasons.Where(r => !string.IsNullOrWhiteSpace(r.Value) && Languages.Contains(r.Key)).Select(r => KeyValuePair.Create(r.Key, r.Value.Trim()))));
        var activity = published.Activities.FirstOrDefault(a => a.Id == Item);
        if (published.FindScheduled(Item ?? string.Empty) is null)
        {
            Error = "Choose what is closed.";
            return Page();
        }

        var result = await content.PublishAsync(Close(published, Item!, closure), User.Actor(), $"closed {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: {reason}", cancellationToken);
        if (await drafts.GetAsync(published.Organisation.Id, cancellationToken) is { } draft && draft.Content.FindScheduled(Item!) is not null)
        {
            // A waiting draft gets the closure too, so publishing it later does not reopen the service.
            await drafts.SaveAsync(draft with { Content = Close(draft.Content, Item!, closure) }, cancellationToken);
        }

        var name = Items.First(i => i.Id == Item).Name;
        await audit.WriteAsync(published.Organisation.Id, User.Actor(), "content.closure", $"{Item} closed {from:yyyy-MM-dd} to {to:yyyy-MM-dd} (version {result.Version})", cancellationToken);
        Done = $"Published (version {result.Version}): {name} is closed from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}. Reach now says so.";
        var message = Uri.EscapeDataString($"{name}: {reason}");
        Offers = (activity?.Sessions ?? [])
            .Where(s => s.Date >= LocalDate.FromDateOnly(from) && s.Date <= LocalDate.FromDateOnly(to))
            .Select(s => ($"the people signed up for {s.Date:yyyy-MM-dd}", $"/staff/broadcasts/new?audience={Uri.EscapeDataString($"session:{activity!.Id}/{s.Id}")}&text={message}"))
            .Append(("everyone who asked for our news", $"/staff/broadcasts/new?audience=news&text={message}"))
            .ToList();
        return Page();
    }

    private static OrganisationContent Close(OrganisationContent content, string item, Closure closure) => content with
    {
        Services = content.Services.Select(s => s.Id == item ? s with { Closures = [.. s.Closures, closure] } : s).ToList(),
        Activities = content.Activities.Select(a => a.Id == item ? a with { Closures = [.. a.Closures, closure] } : a).ToList(),
    };

    private async Task<OrganisationContent?> LoadAsync(CancellationToken cancellationToken)
    {
        var published = (await content.GetPublishedAsync(User.Organisation(), cancellationToken))?.Content;
        if (published is null)
        {
            return null;
        }

        Source = published.Organisation.SourceLanguage;
        Languages = published.Organisation.Languages;
        Items = published.Services.Select(s => (s.Id, s.Title.Get(Source, Source)))
            .Concat(published.Activities.Select(a => (a.Id, a.Title.Get(Source, Source))))
            .ToList();
        return published;
    }
}
