using Microsoft.AspNetCore.Mvc;
using Reach.Content.Model;
using Reach.Web.ContentEditing;

namespace Reach.Web.Pages.Content.Services;

/// <summary>
/// A desk or permanence: its texts in every language, how people come (walk-in, appointment), where, its weekly hours
/// with their conditions, closures with the reason people are told, what to bring and how to reach it.
/// </summary>
public sealed class EditModel(ContentWorkspace workspace, ItemTexts texts) : ItemEditorModel(workspace, texts)
{
    private static readonly TextField[] TextFields =
    [
        new("title", "Name", Required: true),
        new("summary", "What it is for", Multiline: true),
        new("hours_note", "Note about the hours"),
    ];

    public override string Section => "services";

    public override string Kind => "service";

    public override IReadOnlyList<TextField> Fields => TextFields;

    [BindProperty] public string Access { get; set; } = nameof(Reach.Content.Model.Access.WalkIn);
    [BindProperty] public string? Site { get; set; }
    [BindProperty] public bool OpenOnPublicHolidays { get; set; }
    [BindProperty] public List<RuleForm> Hours { get; set; } = [];
    [BindProperty] public List<ClosureForm> Closures { get; set; } = [];
    [BindProperty] public List<Dictionary<string, string>> Bring { get; set; } = [];
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? ValidFrom { get; set; }
    [BindProperty] public string? ValidTo { get; set; }
    [BindProperty] public string? LastVerified { get; set; }

    public string Title { get; private set; } = string.Empty;

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var working = Current!.Working;
        var existing = working.Services.FirstOrDefault(s => s.Id == id);
        Title = existing?.Title.Get(Source, Source) ?? "New service";
        var key = IsNew ? CheckNewId(k => working.Services.Any(s => s.Id == k) || working.Activities.Any(a => a.Id == k)) : id;
        var (values, changes) = await DecideTextsAsync(cancellationToken);
        var hours = RuleForm.ToRules("Hours", Hours, existing?.Hours ?? [], Languages, Errors);
        var closures = ClosureForm.ToClosures(Closures, Source, Languages, Errors);
        if (!Enum.TryParse<Access>(Access, out var access))
        {
            Errors[nameof(Access)] = "Choose how people come.";
        }

        var validFrom = Forms.ParseDate(ValidFrom, nameof(ValidFrom), "first", Errors, required: false);
        var validTo = Forms.ParseDate(ValidTo, nameof(ValidTo), "last", Errors, required: false);
        var verified = Forms.ParseDate(LastVerified, nameof(LastVerified), "checked", Errors, required: false);
        if (Errors.Count > 0 || key is null || hours is null || closures is null)
        {
            Pad();
            KeepTyped();
            return Page();
        }

        var service = (existing ?? new Service(key, values["title"]!, access)) with
        {
            Id = key,
            Title = values["title"]!,
            Summary = values["summary"],
            HoursNote = values["hours_note"],
            Access = access,
            Site = string.IsNullOrWhiteSpace(Site) ? null : Site,
            OpenOnPublicHolidays = OpenOnPublicHolidays,
            Hours = hours,
            Closures = closures,
            Bring = Bring.Select(b => Forms.Text(b, Languages)).OfType<LocalizedText>().ToList(),
            Contact = (existing?.Contact ?? Contact.None) with { Phone = Forms.Blank(Phone), Email = Forms.Blank(Email), Website = Forms.Blank(Website), Address = Forms.Blank(Address) },
            ValidFrom = validFrom,
            ValidTo = validTo,
            LastVerified = verified,
        };
        var result = await SaveAsync(key, c => c with { Services = ContentWorkspace.Replace(c.Services, s => s.Id, key, service) }, changes, $"service {key}", cancellationToken);
        Pad();
        return result;
    }

    protected override LocalizedText? TextOf(OrganisationContent content, string field) =>
        content.Services.FirstOrDefault(s => s.Id == Id) is not { } s ? null : field switch
        {
            "title" => s.Title,
            "summary" => s.Summary,
            "hours_note" => s.HoursNote,
            _ => null,
        };

    protected override bool Exists(OrganisationContent content, string id) => content.Services.Any(s => s.Id == id);

    protected override OrganisationContent Remove(OrganisationContent content, string id) =>
        content with { Services = ContentWorkspace.Replace<Service>(content.Services, s => s.Id, id, null) };

    protected override Task FillAsync(CancellationToken cancellationToken)
    {
        if (Current!.Working.Services.FirstOrDefault(s => s.Id == Id) is { } s)
        {
            Title = s.Title.Get(Source, Source);
            Access = s.Access.ToString();
            Site = s.Site;
            OpenOnPublicHolidays = s.OpenOnPublicHolidays;
            Hours = s.Hours.Select(RuleForm.Of).ToList();
            Closures = s.Closures.Select(ClosureForm.Of).ToList();
            Bring = s.Bring.Select(Forms.Texts).ToList();
            Phone = s.Contact.Phone;
            Email = s.Contact.Email;
            Website = s.Contact.Website;
            Address = s.Contact.Address;
            ValidFrom = Forms.Date(s.ValidFrom);
            ValidTo = Forms.Date(s.ValidTo);
            LastVerified = Forms.Date(s.LastVerified);
        }
        else
        {
            Title = "New service";
        }

        Pad();
        return Task.CompletedTask;
    }

    /// <summary>Empty rows to add a time slot, a closure and something to bring.</summary>
    private void Pad()
    {
        if (Hours.Count == 0 || !Hours[^1].IsBlank)
        {
            Hours.Add(new RuleForm());
        }

        if (Closures.Count == 0 || !Closures[^1].IsBlank)
        {
            Closures.Add(new ClosureForm());
        }

        if (Bring.Count == 0 || Bring[^1].Values.Any(v => !string.IsNullOrWhiteSpace(v)))
        {
            Bring.Add([]);
        }
    }
}
