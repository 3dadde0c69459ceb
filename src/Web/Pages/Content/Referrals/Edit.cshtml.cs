using Microsoft.AspNetCore.Mvc;
using Reach.Content.Model;
using Reach.Web.ContentEditing;

namespace Reach.Web.Pages.Content.Referrals;

/// <summary>A partner people are referred to: its texts in every language, its contact and the day it was last checked.</summary>
public sealed class EditModel(ContentWorkspace workspace, ItemTexts texts, TimeProvider time) : ItemEditorModel(workspace, texts)
{
    private static readonly TextField[] TextFields =
    [
        new("name", "Name", Required: true),
        new("description", "What they do", Multiline: true),
        new("hours", "When to reach them"),
    ];

    public override string Section => "referrals";

    public override string Kind => "referral";

    public override IReadOnlyList<TextField> Fields => TextFields;

    [BindProperty] public string ReferralKind { get; set; } = nameof(Reach.Content.Model.ReferralKind.Other);
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? LastVerified { get; set; }

    public string Title { get; private set; } = string.Empty;

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var working = Current!.Working;
        var existing = working.Referrals.FirstOrDefault(r => r.Id == id);
        Title = existing?.Name.Get(Source, Source) ?? "New partner";
        var key = IsNew ? CheckNewId(k => working.Referrals.Any(r => r.Id == k)) : id;
        var (values, changes) = await DecideTextsAsync(cancellationToken);
        if (!Enum.TryParse<ReferralKind>(ReferralKind, out var kind))
        {
            Errors[nameof(ReferralKind)] = "Choose what kind of help they give.";
        }

        var verified = Forms.ParseDate(LastVerified, nameof(LastVerified), "checked", Errors);
        var contact = new Contact(Forms.Blank(Phone), Forms.Blank(Email), Forms.Blank(Website), Forms.Blank(Address), existing?.Contact.Hours);
        if (contact.IsEmpty)
        {
            Errors[nameof(Phone)] = "Give at least a phone, an email, a website or an address: people need a way to reach them.";
        }

        if (Errors.Count > 0 || key is null || verified is null)
        {
            KeepTyped();
            return Page();
        }

        var referral = (existing ?? new Referral(key, values["name"]!, kind, contact, verified.Value)) with
        {
            Id = key,
            Name = values["name"]!,
            Description = values["description"],
            Hours = values["hours"],
            Kind = kind,
            Contact = contact,
            LastVerified = verified.Value,
        };
        return await SaveAsync(key, c => c with { Referrals = ContentWorkspace.Replace(c.Referrals, r => r.Id, key, referral) }, changes, $"referral {key}", cancellationToken);
    }

    protected override LocalizedText? TextOf(OrganisationContent content, string field) =>
        content.Referrals.FirstOrDefault(r => r.Id == Id) is not { } r ? null : field switch
        {
            "name" => r.Name,
            "description" => r.Description,
            "hours" => r.Hours,
            _ => null,
        };

    protected override bool Exists(OrganisationContent content, string id) => content.Referrals.Any(r => r.Id == id);

    protected override OrganisationContent Remove(OrganisationContent content, string id) =>
        content with { Referrals = ContentWorkspace.Replace<Referral>(content.Referrals, r => r.Id, id, null) };

    protected override Task FillAsync(CancellationToken cancellationToken)
    {
        if (Current!.Working.Referrals.FirstOrDefault(r => r.Id == Id) is { } r)
        {
            Title = r.Name.Get(Source, Source);
            ReferralKind = r.Kind.ToString();
            Phone = r.Contact.Phone;
            Email = r.Contact.Email;
            Website = r.Contact.Website;
            Address = r.Contact.Address;
            LastVerified = Forms.Date(r.LastVerified);
        }
        else
        {
            Title = "New partner";
            LastVerified = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }
}
