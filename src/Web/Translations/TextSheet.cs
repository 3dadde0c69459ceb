using Reach.Content.Model;

namespace Reach.Web.Translations;

/// <summary>
/// Every translatable text of an organisation as rows for a spreadsheet: a key (<c>faq:{id}:answer</c>,
/// <c>faq:{id}:questions</c> with one way of asking per line, <c>service:{id}:title</c>, <c>service:{id}:summary</c>,
/// <c>activity:{id}:title</c>, <c>activity:{id}:description</c>, <c>site:{id}:name</c>) and a text per language.
/// Pure: <see cref="Apply"/> gives the changed content and the list of differences, or the errors.
/// </summary>
public static class TextSheet
{
    public static IReadOnlyList<(string Key, IReadOnlyDictionary<string, string> Texts)> Rows(OrganisationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var rows = new List<(string, IReadOnlyDictionary<string, string>)>();
        foreach (var faq in content.Faq)
        {
            rows.Add(($"faq:{faq.Id}:questions", faq.Questions.Items.ToDictionary(q => q.Key, q => string.Join('\n', q.Value))));
            rows.Add(($"faq:{faq.Id}:answer", faq.Answer.Texts));
        }

        foreach (var service in content.Services)
        {
            rows.Add(($"service:{service.Id}:title", service.Title.Texts));
            if (service.Summary is { } summary)
            {
                rows.Add(($"service:{service.Id}:summary", summary.Texts));
            }
        }

        foreach (var activity in content.Activities)
        {
            rows.Add(($"activity:{activity.Id}:title", activity.Title.Texts));
            if (activity.Description is { } description)
            {
                rows.Add(($"activity:{activity.Id}:description", description.Texts));
            }
        }

        foreach (var site in content.Sites)
        {
            rows.Add(($"site:{site.Id}:name", site.Name.Texts));
        }

        return rows;
    }

    /// <summary>The content with the sheet's texts; an empty cell leaves a text as it is, except that it can never empty the source language.</summary>
    public static SheetResult Apply(OrganisationContent content, IReadOnlyList<(string Key, IReadOnlyDictionary<string, string> Texts)> sheet)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(sheet);
        var current = Rows(content).ToDictionary(r => r.Key, r => r.Texts, StringComparer.Ordinal);
        var languages = content.Organisation.Languages;
        var changes = new List<SheetChange>();
        var errors = new List<string>();
        var updated = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (key, texts) in sheet)
        {
            if (!current.TryGetValue(key, out var old))
            {
                errors.Add($"{key}: no such text in the published content (keys come from an export; rows cannot add items).");
                continue;
            }

            foreach (var (language, text) in texts)
            {
                var value = text.Trim().ReplaceLineEndings("\n");
                if (!languages.Contains(language) || value.Length == 0 || old.GetValueOrDefault(language) == value)
                {
                    continue;
                }

                changes.Add(new SheetChange(key, language, old.GetValueOrDefault(language), value));
                (updated.TryGetValue(key, out var row) ? row : updated[key] = new Dictionary<string, string>(old, StringComparer.Ordinal))[language] = value;
            }
        }

        if (errors.Count > 0)
        {
            return new SheetResult(null, changes, errors);
        }

        LocalizedText Text(string key, LocalizedText original) => updated.TryGetValue(key, out var row) ? new LocalizedText(row) : original;
        LocalizedText? Maybe(string key, LocalizedText? original) => original is null ? null : Text(key, original);
        LocalizedList Questions(string key, LocalizedList original) => updated.TryGetValue(key, out var row)
            ? new LocalizedList(row.Select(r => KeyValuePair.Create(r.Key, (IReadOnlyList<string>)r.Value.Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0).ToList())))
            : original;
        var changed = content with
        {
            Faq = content.Faq.Select(f => f with { Questions = Questions($"faq:{f.Id}:questions", f.Questions), Answer = Text($"faq:{f.Id}:answer", f.Answer) }).ToList(),
            Services = content.Services.Select(s => s with { Title = Text($"service:{s.Id}:title", s.Title), Summary = Maybe($"service:{s.Id}:summary", s.Summary) }).ToList(),
            Activities = content.Activities.Select(a => a with { Title = Text($"activity:{a.Id}:title", a.Title), Description = Maybe($"activity:{a.Id}:description", a.Description) }).ToList(),
            Sites = content.Sites.Select(s => s with { Name = Text($"site:{s.Id}:name", s.Name) }).ToList(),
        };
        return new SheetResult(changed, changes, errors);
    }
}

public sealed record SheetChange(string Key, string Language, string? Old, string New);

public sealed record SheetResult(OrganisationContent? Content, IReadOnlyList<SheetChange> Changes, IReadOnlyList<string> Errors);
