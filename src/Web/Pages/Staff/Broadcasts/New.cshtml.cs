using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Reach.Content.Storage;
using Reach.Notifications.Broadcasts;
using Reach.Notifications.Delivery;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Staff.Broadcasts;

/// <summary>The broadcast composer: audience, a text per language, preview, send now or later.</summary>
public sealed class NewModel(BroadcastService broadcasts, IContentStore content, OrganisationZones zones, TimeProvider time, AuditLog audit) : PageModel
{
    [BindProperty] public string Audience { get; set; } = "news";
    [BindProperty] public Dictionary<string, string> Texts { get; set; } = [];
    [BindProperty] public bool SendSource { get; set; }
    [BindProperty] public DateTime? At { get; set; }

    public string Source { get; private set; } = "fr";

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public IReadOnlyList<(string Value, string Label)> Audiences { get; private set; } = [];

    public BroadcastPreview? Preview { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Opened from another page (a closure) with the audience and the source text filled in.</summary>
    public async Task OnGetAsync(string? audience, string? text, CancellationToken cancellationToken)
    {
        Audience = audience ?? Audience;
        await LoadAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(text))
        {
            Texts[Source] = text;
        }
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Preview = await broadcasts.PreviewAsync(Draft(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Instant? when = null;
        if (At is { } at)
        {
            var zone = await zones.ZoneAsync(User.Organisation(), cancellationToken);
            when = zone.AtLeniently(LocalDateTime.FromDateTime(at)).ToInstant();
            if (when < Instant.FromDateTimeOffset(time.GetUtcNow()))
            {
                Error = "That time has passed: leave it empty to send now.";
                return Page();
            }
        }

        var result = await broadcasts.ScheduleAsync(Draft(), when, cancellationToken);
        if (result.Id is not { } id)
        {
            Error = result.Error;
            Preview = result.Preview;
            return Page();
        }

        await audit.WriteAsync(User.Organisation(), User.Actor(), "broadcast.send", $"broadcast {id} to {Audience}, {result.Preview!.Recipients} recipient(s)", cancellationToken);
        return Redirect($"/staff/broadcasts/{id}");
    }

    private BroadcastDraft Draft() =>
        new(User.Organisation(), User.Actor(), Audience, Source, Texts.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToDictionary(t => t.Key, t => t.Value.Trim(), StringComparer.Ordinal))
        {
            SendSourceWhereMissing = SendSource,
        };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var published = (await content.GetPublishedAsync(User.Organisation(), cancellationToken))?.Content;
        Source = published?.Organisation.SourceLanguage ?? "fr";
        Languages = published?.Organisation.Languages ?? [Source];
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var audiences = new List<(string, string)>();
        foreach (var activity in published?.Activities.Where(a => a.Signup is not null) ?? [])
        {
            foreach (var session in activity.Sessions.Where(s => s.Date.ToDateOnly() >= today))
            {
                var title = $"{activity.Title.Get(Source, Source)}, {session.Date:yyyy-MM-dd}";
                audiences.Add(($"session:{activity.Id}/{session.Id}", $"Signed up: {title}"));
                audiences.Add(($"waiting:{activity.Id}/{session.Id}", $"Waiting list: {title}"));
            }
        }

        Audiences = audiences;
    }
}
