using Microsoft.AspNetCore.Mvc;
using Reach.Content.Model;
using Reach.Web.ContentEditing;

namespace Reach.Web.Pages.Content.Activities;

/// <summary>
/// A workshop, course, outing or group: its texts in every language, its weekly schedule, its dated sessions (with
/// places and cancellations), sign-up rules, closures and contact.
/// </summary>
public sealed class EditModel(ContentWorkspace workspace, ItemTexts texts) : ItemEditorModel(workspace, texts)
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

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await FillAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var working = Current!.Working;
        var existing = working.Activities.FirstOrDefault(a => a.Id == id);
        Title = existing?.Title.Get(Source, Source) ?? "New activity";
        var key = IsNew ? CheckNewId(k => working.Activities.Any(a => a.Id == k) || working.Services.Any(s => s.Id == k)) : id;
        var (values, changes) = await DecideTextsAsync(cancellationToken);
        var schedule = RuleForm.ToRules("Schedule", Schedule, existing?.Schedule ?? [], Languages, Errors);
        var sessions = SessionForm.ToSessions(Sessions, existing?.Sessions ?? [], Languages, Errors);
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
            Contact = (existing?.Contact ?? Contact.None) with { Phone = Blank(Phone), Email = Blank(Email) },
            ValidFrom = validFrom,
            ValidTo = validTo,
        };
        var result = await SaveAsync(key, c => c with { Activities = ContentWorkspace.Replace(c.Activities, a => a.Id, key, activity) }, changes, $"activity {key}", cancellationToken);
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

    protected override Task FillAsync(CancellationToken cancellationToken)
    {
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
        return Task.CompletedTask;
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

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
