using Microsoft.Extensions.Options;
using Reach.Bot.Localization;
using Reach.Content.Model;
using Reach.Web.Translations;

namespace Reach.Web.ContentEditing;

/// <summary>A translatable text of an item, e.g. a service's title; its translation key is <c>{item}:{Name}</c>.</summary>
public sealed record TextField(string Name, string Label, bool Required = false, bool Multiline = false);

/// <summary>The texts of one item in every offered language, with their translation statuses, as the editor shows them.</summary>
public sealed class TextsView
{
    public Dictionary<string, string> Values { get; } = [];

    public Dictionary<string, string> Statuses { get; } = [];

    public string Status(string field, string language) => Statuses.GetValueOrDefault($"{field}.{language}", string.Empty);
}

/// <summary>A translation status to record once the item is saved.</summary>
public sealed record StatusChange(string Key, string Language, string Status, string SourceText);

/// <summary>
/// Translation statuses for the texts of services, activities, referrals and safety topics, with the rules of the FAQ
/// editor: changing a source text marks the other languages outdated until reviewed; a machine draft is kept for review
/// and is published only when a person ticks "Reviewed", or labelled as machine translated when the organisation allows.
/// </summary>
public sealed class ItemTexts(TranslationStore translations, TranslatorClient translator, IOptions<TranslatorOptions> options)
{
    public bool CanTranslate => options.Value.Enabled;

    public bool ShowUnreviewed(string organisationId) => options.Value.ShowUnreviewedFor.Contains(organisationId);

    public async Task<TextsView> ViewAsync(
        string organisationId, string itemKey, string source, IReadOnlyList<string> languages, IReadOnlyList<TextField> fields,
        Func<string, LocalizedText?> published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(published);
        var rows = await translations.ForItemAsync(organisationId, itemKey + ":", cancellationToken);
        var view = new TextsView();
        foreach (var field in fields)
        {
            var text = published(field.Name);
            var sourceText = text?.Find(source) ?? string.Empty;
            foreach (var language in languages)
            {
                var key = $"{field.Name}.{language}";
                var row = rows.GetValueOrDefault(($"{itemKey}:{field.Name}", language));
                if (text?.Find(language) is { } value)
                {
                    view.Values[key] = Unlabel(language, value);
                }

                if (row is { Status: "machine", Draft: { } draft } && language != source)
                {
                    view.Values[key] = draft;
                }

                view.Statuses[key] = language == source ? "source"
                    : text is null && !view.Values.ContainsKey(key) ? TranslationStatus.Missing
                    : TranslationStatus.Of(sourceText, text?.Find(language), row);
            }
        }

        return view;
    }

    /// <summary>
    /// The texts to store for each field from what the coordinator typed, and the statuses to record after saving.
    /// </summary>
    public async Task<(Dictionary<string, LocalizedText?> Texts, List<StatusChange> Changes)> DecideAsync(
        string organisationId, string itemKey, string source, IReadOnlyList<string> languages, IReadOnlyList<TextField> fields,
        Func<string, LocalizedText?> before, IReadOnlyDictionary<string, string> typed, IReadOnlyCollection<string> reviewed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(reviewed);
        var rows = await translations.ForItemAsync(organisationId, itemKey + ":", cancellationToken);
        var texts = new Dictionary<string, LocalizedText?>();
        var changes = new List<StatusChange>();
        var show = ShowUnreviewed(organisationId);
        foreach (var field in fields)
        {
            var old = before(field.Name);
            var oldSource = old?.Find(source) ?? string.Empty;
            var newSource = typed.GetValueOrDefault($"{field.Name}.{source}")?.Trim() ?? string.Empty;
            var result = new Dictionary<string, string>();
            if (newSource.Length > 0)
            {
                result[source] = newSource;
            }

            foreach (var language in languages.Where(l => l != source))
            {
                var now = typed.GetValueOrDefault($"{field.Name}.{language}")?.Trim() is { Length: > 0 } t ? t : null;
                var was = old?.Find(language) is { } o ? Unlabel(language, o) : null;
                var row = rows.GetValueOrDefault(($"{itemKey}:{field.Name}", language));
                var isReviewed = reviewed.Contains(language);
                if (now is null)
                {
                    continue;
                }

                if (row is { Status: "machine", Draft: { } draft } && now == draft && !isReviewed)
                {
                    // An unreviewed machine draft: kept for review; people get it only if the organisation allows, labelled.
                    if (show)
                    {
                        result[language] = $"{now} {Locales.Default.Text(language, "machine.translated")}";
                    }
                    else if (old?.Find(language) is { } published)
                    {
                        result[language] = published;
                    }

                    continue;
                }

                result[language] = now;
                if (now != was || isReviewed)
                {
                    changes.Add(new StatusChange($"{itemKey}:{field.Name}", language, "reviewed", newSource));
                }
                else if (newSource != oldSource)
                {
                    changes.Add(new StatusChange($"{itemKey}:{field.Name}", language, "outdated", oldSource));
                }
            }

            texts[field.Name] = result.Count == 0 ? null : new LocalizedText(result);
        }

        return (texts, changes);
    }

    public async Task RecordAsync(string organisationId, IEnumerable<StatusChange> changes, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            await translations.SetAsync(organisationId, change.Key, change.Language, change.Status, change.SourceText, null, actor, cancellationToken);
        }
    }

    /// <summary>Asks the translator for a draft of every missing or outdated text of the item; returns how many were made.</summary>
    public async Task<(int Made, string? Problem)> MachineDraftsAsync(
        string organisationId, string itemKey, string source, IReadOnlyList<TextField> fields, TextsView view,
        Func<string, LocalizedText?> published, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(published);
        var made = 0;
        foreach (var field in fields)
        {
            if (published(field.Name)?.Find(source) is not { Length: > 0 } sourceText)
            {
                continue;
            }

            foreach (var (key, status) in view.Statuses.Where(s => s.Key.StartsWith(field.Name + ".", StringComparison.Ordinal)))
            {
                var language = key[(field.Name.Length + 1)..];
                if (status is not (TranslationStatus.Missing or TranslationStatus.Outdated))
                {
                    continue;
                }

                try
                {
                    var draft = await translator.TranslateAsync(sourceText, source, language, cancellationToken);
                    await translations.SetAsync(organisationId, $"{itemKey}:{field.Name}", language, "machine", sourceText, draft, actor, cancellationToken);
                    made++;
                }
                catch (Exception e) when (e is TranslatorException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    return (made, e.Message);
                }
            }
        }

        return (made, null);
    }

    /// <summary>A published machine translation carries its label; the editor shows the text without it.</summary>
    public static string Unlabel(string language, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var label = " " + Locales.Default.Text(language, "machine.translated");
        return text.EndsWith(label, StringComparison.Ordinal) ? text[..^label.Length] : text;
    }
}
