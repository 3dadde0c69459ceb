using Microsoft.AspNetCore.Mvc;
using Reach.Content.Model;
using Reach.Web.ContentEditing;

namespace Reach.Web.Pages.Content.Safety;

/// <summary>
/// A sensitive topic (violence, self-harm, a legal deadline, a medical emergency): the words that route a message to it
/// before anything else, the answer in every language, and the numbers people can call.
/// </summary>
public sealed class EditModel(ContentWorkspace workspace, ItemTexts texts) : ItemEditorModel(workspace, texts)
{
    private static readonly TextField[] TextFields = [new("answer", "Answer", Required: true, Multiline: true)];

    public override string Section => "safety";

    public override string Kind => "safety";

    public override IReadOnlyList<TextField> Fields => TextFields;

    [BindProperty] public string Topic { get; set; } = nameof(SafetyTopicKind.Other);
    [BindProperty] public Dictionary<string, string> Triggers { get; set; } = [];
    [BindProperty] public List<EmergencyForm> Contacts { get; set; } = [];

    public string Title { get; private set; } = string.Empty;

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var working = Current!.Working;
        var existing = working.Safety.FirstOrDefault(t => t.Id == id);
        Title = existing is null ? "New sensitive topic" : $"Sensitive topic: {existing.Id}";
        var key = IsNew ? CheckNewId(k => working.Safety.Any(t => t.Id == k)) : id;
        var (values, changes) = await DecideTextsAsync(cancellationToken);
        if (!Enum.TryParse<SafetyTopicKind>(Topic, out var topic))
        {
            Errors[nameof(Topic)] = "Choose the topic.";
        }

        var triggers = Languages.ToDictionary(
            l => l,
            l => (IReadOnlyList<string>)(Triggers.GetValueOrDefault(l) ?? string.Empty).Split('\n').Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList());
        if (triggers[Source].Count == 0)
        {
            Errors[$"Triggers.{Source}"] = $"Give at least one word or phrase in {Source} that leads to this answer.";
        }

        var contacts = EmergencyForm.ToContacts(Contacts, Source, Languages, Errors);
        if (Errors.Count > 0 || key is null || contacts is null)
        {
            Pad();
            KeepTyped();
            return Page();
        }

        var item = (existing ?? new SafetyTopic(key, topic, LocalizedList.Empty, values["answer"]!, [])) with
        {
            Id = key,
            Topic = topic,
            Triggers = new LocalizedList(triggers.Where(t => t.Value.Count > 0)),
            Answer = values["answer"]!,
            Contacts = contacts,
        };
        var result = await SaveAsync(key, c => c with { Safety = ContentWorkspace.Replace(c.Safety, t => t.Id, key, item) }, changes, $"safety topic {key}", cancellationToken);
        Pad();
        return result;
    }

    protected override LocalizedText? TextOf(OrganisationContent content, string field) =>
        field == "answer" ? content.Safety.FirstOrDefault(t => t.Id == Id)?.Answer : null;

    protected override bool Exists(OrganisationContent content, string id) => content.Safety.Any(t => t.Id == id);

    protected override OrganisationContent Remove(OrganisationContent content, string id) =>
        content with { Safety = ContentWorkspace.Replace<SafetyTopic>(content.Safety, t => t.Id, id, null) };

    protected override Task FillAsync(CancellationToken cancellationToken)
    {
        if (Current!.Working.Safety.FirstOrDefault(t => t.Id == Id) is { } t)
        {
            Title = $"Sensitive topic: {t.Id}";
            Topic = t.Topic.ToString();
            Triggers = t.Triggers.Items.ToDictionary(i => i.Key, i => string.Join('\n', i.Value));
            Contacts = t.Contacts.Select(EmergencyForm.Of).ToList();
        }
        else
        {
            Title = "New sensitive topic";
        }

        Pad();
        return Task.CompletedTask;
    }

    private void Pad()
    {
        if (Contacts.Count == 0 || !Contacts[^1].IsBlank)
        {
            Contacts.Add(new EmergencyForm());
        }
    }
}
