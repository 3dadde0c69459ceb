using Microsoft.AspNetCore.Mvc;
using Reach.Content.Model;
using Reach.Notifications.Signups;
using Reach.Web.ContentEditing;

namespace Reach.Web.Pages.Content.Activities;

/// <summary>
/// A workshop, course, outing or group: its texts in every language, its weekly schedule, its dated sessions (with
/// places and cancellations), sign-up rules, closures and contact.
/// </summary>
public sealed class EditModel(ContentWorkspace workspace, ItemTexts texts, SignupQueries signups) : ItemEditorModel(workspace, texts)
{
    private static readonly TextField[] TextFields =
    [
        new("title", "Name", Required: true),
        new("description", "What happens", Multiline: true),
        new("meeting_point", "Meeting point"),
        new("price", "Price"),
        new("audience", "For whom"),
    ];

    public override string Section => "activities";

    public override string Kind => "activity";

    public override IReadOnlyList<TextField> Fields => TextFields;

    [BindProperty] public string ActivityKind { get; set; } = nameof(Reach.Content.Model.ActivityKind.Workshop);
    [BindProperty] public string? Site { get; set; }
    [BindProperty] public bool Article27 { get; set; }
    [BindProperty] public bool SignupRequired { get; set; }
    [BindProperty] public int? Capacity { get; set; }
    [BindProperty] public int? DeadlineDays { get; set; }
    [BindProperty] public List<RuleForm> Schedule { get; set; } = [];
    [BindProperty] public List<SessionForm> Sessions { get; set; } = [];
    [BindProperty] public List<ClosureForm> Closures { get; set; } = [];
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? ValidFrom { get; set; }
    [BindProperty] public string? ValidTo { get; set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>Links to the broadcast composer for the people of sessions just cancelled, one per line.</summary>
    [TempData]
    public string? Offers { get; set; }

    /// <summary>People signed up and waiting per session id.</summary>
    public IReadOnlyDictionary<string, (int Confirmed, int Waiting)> SignedUp { get; private set; } = new Dictionary<string, (int, int)>();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SignedUp = await signups.CountsAsync(Current!.Working.Organisation.Id, cancellationToken);

        var working = Current!.Working;
        var existing = working.Activities.FirstOrDefault(a => a.Id == id);
        Title = existing?.Title.Get(Source, Source) ?? "New activity";
        var key = IsNew ? CheckNewId(k => working.Activities.Any(a => a.Id == k) || working.Services.Any(s => s.Id == k)) : id;
        var (values, changes) = await DecideTextsAsync(cancellationToken);
        var schedule = RuleForm.ToRules("Schedule", Schedule, existing?.Schedule ?? [], Languages, Errors);
        var sessions = SessionForm.ToSessions(Sessions, existing?.Sessions ?? [], Languages, Errors);
        KeepSignedUpSessions(existing);
        var closures = ClosureForm.ToClosures(Closures, Source, Languages, Errors);
        if (!Enum.TryParse<ActivityKind>(ActivityKind, out var kind))
        {
            Errors[nameof(ActivityKind)] = "Choose what kind of activity it is.";
        }

        if (Capacity is < 1)
        {
            Errors[nameof(Capacity)] = "Places: a number from 1, or empty when there is no limit.";
        }

        if (DeadlineDays is < 0 or > 60)
        {
            Errors[nameof(DeadlineDays)] = "Sign up until how many days before: 0 to 60, or empty.";
        }

        var validFrom = Forms.ParseDate(ValidFrom, nameof(ValidFrom), "first", Errors, required: false);
        var validTo = Forms.ParseDate(ValidTo, nameof(ValidTo), "last", Errors, required: false);
        if (Errors.Count > 0 || key is null || schedule is null || sessions is null || closures is null)
        {
            Pad();
            KeepTyped();
            return Page();
        }

        var signup = SignupRequired || Capacity is not null || DeadlineDays is not null || existing?.Signup?.How is not null
            ? new SignupRules(SignupRequired, Capacity, DeadlineDays, existing?.Signup?.How)
            : null;
        var activity = (existing ?? new Activity(key, kind, values["title"]!)) with
        {
            Id = key,
            Kind = kind,
            Title = values["title"]!,
            Description = values["description"],
            MeetingPoint = values["meeting_point"],
            Price = values["price"],
            Audience = values["audience"],
            Site = string.IsNullOrWhiteSpace(Site) ? null : Site,
            Article27 = Article27,
            Signup = signup,
            Schedule = schedule,
            Sessions = sessions,
            Closures = closures,
            Contact = (existing?.Contact ?? Contact.None) with { Phone = Forms.Blank(Phone), Email = Forms.Blank(Email) },
            ValidFrom = validFrom,
            ValidTo = validTo,
        };
        var newlyCancelled = sessions
            .Where(n => n.Cancelled is not null && existing?.Sessions.FirstOrDefault(o => o.Id == n.Id) is { Cancelled: null } && SignedUp.ContainsKey(n.Id))
            .ToList();
        var result = await SaveAsync(key, c => c with { Activities = ContentWorkspace.Replace(c.Activities, a => a.Id, key, activity) }, changes, $"activity {key}", cancellationToken);
        if (result is RedirectResult && Action == "publish" && newlyCancelled.Count > 0)
        {
            // Their reminders are no longer sent; offer to tell them why, in their languages.
            Offers = string.Join('\n', newlyCancelled.Select(n =>
                $"/staff/broadcasts/new?audience={Uri.EscapeDataString($"session:{key}/{n.Id}")}&text={Uri.EscapeDataString($"{values["title"]!.Get(Source, Source)} {Forms.Date(n.Date)}: {n.Cancelled!.Get(Source, Source)}")}"));
        }
        Pad();
        return result;
    }

    protected override LocalizedText? TextOf(OrganisationContent content, string field) =>
        content.Activities.FirstOrDefault(a => a.Id == Id) is not { } a ? null : field switch
        {
            "title" => a.Title,
            "description" => a.Description,
            "meeting_point" => a.MeetingPoint,
            "price" => a.Price,
            "audience" => a.Audience,
            _ => null,
        };

    protected override bool Exists(OrganisationContent content, string id) => content.Activities.Any(a => a.Id == id);

    protected override OrganisationContent Remove(OrganisationContent content, string id) =>
        content with { Activities = ContentWorkspace.Replace<Activity>(content.Activities, a => a.Id, id, null) };

    protected override async Task FillAsync(CancellationToken cancellationToken)
    {
        SignedUp = await signups.CountsAsync(Current!.Working.Organisation.Id, cancellationToken);
        if (Current!.Working.Activities.FirstOrDefault(a => a.Id == Id) is { } a)
        {
            Title = a.Title.Get(Source, Source);
            ActivityKind = a.Kind.ToString();
            Site = a.Site;
            Article27 = a.Article27;
            SignupRequired = a.Signup?.Required ?? false;
            Capacity = a.Signup?.Capacity;
            DeadlineDays = a.Signup?.DeadlineDays;
            Schedule = a.Schedule.Select(RuleForm.Of).ToList();
            Sessions = a.Sessions.Select(SessionForm.Of).ToList();
            Closures = a.Closures.Select(ClosureForm.Of).ToList();
            Phone = a.Contact.Phone;
            Email = a.Contact.Email;
            ValidFrom = Forms.Date(a.ValidFrom);
            ValidTo = Forms.Date(a.ValidTo);
        }
        else
        {
            Title = "New activity";
        }

        Pad();
    }

    /// <summary>
    /// People signed up for a session were told its day and time and have reminders for them: such a session is
    /// not removed or moved here; it is cancelled with a reason (they can be told) and a new one added.
    /// </summary>
    private void KeepSignedUpSessions(Activity? existing)
    {
        for (var i = 0; i < Sessions.Count; i++)
        {
            var row = Sessions[i];
            if (existing is null || row.Original is not { } o || o < 0 || o >= existing.Sessions.Count)
            {
                continue;
            }

            var before = existing.Sessions[o];
            if (!SignedUp.TryGetValue(before.Id, out var count) || count.Confirmed + count.Waiting == 0)
            {
                continue;
            }

            var people = $"{count.Confirmed} signed up and {count.Waiting} waiting";
            if (row.Remove)
            {
                Errors[$"Sessions[{i}].Remove"] = $"{people}: do not remove this session. Cancel it with a reason instead, so they can be told.";
            }
            else if (row.Date != Forms.Date(before.Date) || row.From != Forms.Time(before.From) || (row.Id is { Length: > 0 } && row.Id != before.Id))
            {
                Errors[$"Sessions[{i}].Date"] = $"{people} for {Forms.Date(before.Date)} {Forms.Time(before.From)}: to change the day or time, cancel this session with a reason and add a new one.";
            }
        }
    }

    private void Pad()
    {
        if (Schedule.Count == 0 || !Schedule[^1].IsBlank)
        {
            Schedule.Add(new RuleForm());
        }

        if (Sessions.Count == 0 || !Sessions[^1].IsBlank)
        {
            Sessions.Add(new SessionForm());
        }

        if (Closures.Count == 0 || !Closures[^1].IsBlank)
        {
            Closures.Add(new ClosureForm());
        }
    }
}
