using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Content.Model;
using Reach.Content.Packs;
using Reach.Web.Accounts;

namespace Reach.Web.ContentEditing;

/// <summary>
/// What the editors of services, activities, referrals and safety topics share: the workspace (draft or published),
/// the texts in every language with their statuses, "Save as draft" and "Publish", machine drafts, and errors next
/// to the field. A page supplies the item's fields and how the form becomes an item.
/// </summary>
public abstract partial class ItemEditorModel(ContentWorkspace workspace, ItemTexts texts) : PageModel
{
    public const string NewId = "new";

    public string Id { get; protected set; } = string.Empty;

    public bool IsNew => Id == NewId;

    public string Source { get; private set; } = "fr";

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public TextsView View { get; private set; } = new();

    public bool CanTranslate => texts.CanTranslate;

    public bool ShowUnreviewed { get; private set; }

    public bool HasDraft { get; private set; }

    /// <summary>The item differs in the draft from the published version.</summary>
    public bool InDraft { get; private set; }

    [BindProperty] public Dictionary<string, string> Texts { get; set; } = [];
    [BindProperty] public string[] Reviewed { get; set; } = [];
    [BindProperty] public string? NewItemId { get; set; }
    [BindProperty] public string? Action { get; set; }

    /// <summary>Errors by field name (e.g. <c>Hours[1].To</c>, <c>title.fr</c>); shown next to the field.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Errors the checks found that belong to no field of the form.</summary>
    public List<string> Problems { get; } = [];

    [TempData]
    public string? Message { get; set; }

    public abstract string Section { get; }

    public abstract string Kind { get; }

    public abstract IReadOnlyList<TextField> Fields { get; }

    public string ItemKey => $"{Kind}:{Id}";

    public string Error(string field) => Errors.GetValueOrDefault(field) ?? string.Empty;

    /// <summary>Errors of a row, e.g. every error starting with <c>Hours[2]</c>.</summary>
    public IEnumerable<string> RowErrors(string row) => Errors.Where(e => e.Key.StartsWith(row + ".", StringComparison.Ordinal) || e.Key == row).Select(e => e.Value);

    protected Workspace? Current { get; private set; }

    public RowsPartial<T> Rows<T>(string name, IReadOnlyList<T> rows) => new(this, name, rows);

    public LangInputs Inputs(string id, string name, string label, IReadOnlyDictionary<string, string> values) => new(id, name, label, Languages, values);

    /// <summary>The item's text of a field in the working content (draft or published), null when new.</summary>
    protected abstract LocalizedText? TextOf(OrganisationContent content, string field);

    /// <summary>Whether the item exists in this content.</summary>
    protected abstract bool Exists(OrganisationContent content, string id);

    protected async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Current = await workspace.LoadAsync(User.Organisation(), cancellationToken);
        if (Current is null || (id != NewId && !Exists(Current.Working, id)))
        {
            return false;
        }

        Id = id;
        var organisation = Current.Working.Organisation;
        Source = organisation.SourceLanguage;
        Languages = organisation.Languages;
        Sites = Current.Working.Sites;
        ShowUnreviewed = texts.ShowUnreviewed(organisation.Id);
        HasDraft = Current.Draft is not null;
        InDraft = Current.Draft is { } draft && Current.Published is { } published
            && Reach.Content.Drafts.DraftMerge.Changes(published.Content, draft.Content).Any(c => c.Section == Section && c.Id == id);
        View = await texts.ViewAsync(organisation.Id, ItemKey, Source, Languages, Fields, f => IsNew ? null : TextOf(Current.Working, f), cancellationToken);
        return true;
    }

    /// <summary>On a failed post, the form shows what was typed, with the statuses of the stored texts.</summary>
    protected void KeepTyped()
    {
        foreach (var (key, value) in Texts)
        {
            View.Values[key] = value;
        }
    }

    /// <summary>Checks the id of a new item: lower-case letters, digits and '-', not used in this section.</summary>
    protected string? CheckNewId(Func<string, bool> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var id = NewItemId?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!IdPattern().IsMatch(id))
        {
            Errors["NewItemId"] = "Give a short name for links, with lower-case letters, digits and '-', e.g. \"clothing-shop\".";
            return null;
        }

        if (taken(id))
        {
            Errors["NewItemId"] = $"'{id}' is already used: choose another name.";
            return null;
        }

        return id;
    }

    /// <summary>The texts typed, decided with their translation statuses (see <see cref="ItemTexts.DecideAsync"/>).</summary>
    protected async Task<(Dictionary<string, LocalizedText?> Values, List<StatusChange> Changes)> DecideTextsAsync(CancellationToken cancellationToken)
    {
        var working = Current!.Working;
        var decided = await texts.DecideAsync(
            working.Organisation.Id, ItemKey, Source, Languages, Fields, f => IsNew ? null : TextOf(working, f), Texts, Reviewed, cancellationToken);
        foreach (var field in Fields.Where(f => f.Required && decided.Texts[f.Name]?.Find(Source) is null))
        {
            Errors[$"{field.Name}.{Source}"] = $"The {field.Label.ToLowerInvariant()} in {Source} is required: people of every language fall back to it.";
        }

        return decided;
    }

    /// <summary>Checks and stores the edit; on errors fills <see cref="Errors"/> and returns the page.</summary>
    protected async Task<IActionResult> SaveAsync(string id, Func<OrganisationContent, OrganisationContent> edit, List<StatusChange> changes, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var publish = Action == "publish";
        var outcome = await workspace.SaveAsync(Current!, edit, publish, User.Actor(), what, cancellationToken);
        if (!outcome.Saved)
        {
            Place(id, outcome.Errors);
            KeepTyped();
            return Page();
        }

        if (changes.Count > 0 && changes.Exists(c => c.Key.StartsWith($"{Kind}:{NewId}:", StringComparison.Ordinal)))
        {
            changes = changes.Select(c => c with { Key = $"{Kind}:{id}:" + c.Key[($"{Kind}:{NewId}:").Length..] }).ToList();
        }

        await texts.RecordAsync(Current!.Published.Content.Organisation.Id, changes, User.Actor(), cancellationToken);
        Message = publish
            ? $"Published as version {outcome.PublishedVersion}: Reach uses it now."
            : "Saved in the draft. People still get the published version until the draft is published.";
        return Redirect($"/content/{Section}/{id}");
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await FillAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, CancellationToken cancellationToken)
    {
        if (id == NewId || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await workspace.SaveAsync(Current!, c => Remove(c, id), publish: false, User.Actor(), $"{Kind} {id} removed", cancellationToken);
        if (!outcome.Saved)
        {
            Problems.Add("It cannot be removed while other content refers to it: " + string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}")));
            await FillAsync(cancellationToken);
            return Page();
        }

        Message = $"Removal of '{id}' saved in the draft: it goes when the draft is published.";
        return Redirect("/content/draft");
    }

    public async Task<IActionResult> OnPostDraftsAsync(string id, CancellationToken cancellationToken)
    {
        if (id == NewId || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var working = Current!.Working;
        var (made, problem) = await texts.MachineDraftsAsync(working.Organisation.Id, ItemKey, Source, Fields, View, f => TextOf(working, f), User.Actor(), cancellationToken);
        Message = problem is null
            ? made == 0 ? "Every text is already translated or drafted." : $"{made} machine draft(s): read them, correct them, tick Reviewed, then save."
            : $"The translator did not answer ({problem}); {made} draft(s) made before that.";
        return Redirect($"/content/{Section}/{id}");
    }

    /// <summary>Fills the form from the working item (on GET, and when a removal is refused).</summary>
    protected abstract Task FillAsync(CancellationToken cancellationToken);

    protected abstract OrganisationContent Remove(OrganisationContent content, string id);

    /// <summary>Places each error of the checks next to its field when the form shows it, else in the list above the form.</summary>
    private void Place(string id, IReadOnlyList<Diagnostic> errors)
    {
        var prefix = $"{Section}[{id}].";
        foreach (var error in errors)
        {
            if (error.Field.StartsWith(prefix, StringComparison.Ordinal))
            {
                var path = error.Field[prefix.Length..];
                var row = RowPath().Match(path);
                var key = row.Success ? $"{Capitalise(row.Groups[1].Value)}[{row.Groups[2].Value}]" : path;
                if (row.Success || Fields.Any(f => path.StartsWith(f.Name, StringComparison.Ordinal)))
                {
                    Errors[key] = (Errors.GetValueOrDefault(key) + " " + Plain(error)).Trim();
                    continue;
                }
            }

            Problems.Add($"{error.Field}: {error.Message}");
        }
    }

    private static string Plain(Diagnostic error) => char.ToUpperInvariant(error.Message[0]) + error.Message[1..] + ".";

    private static string Capitalise(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(hours|schedule|closures|sessions|contacts)\[(\d+)\]")]
    private static partial Regex RowPath();
}
