namespace Reach.Content.Model;

/// <summary>A curated question with its variants and answer in each language.</summary>
public sealed record FaqEntry(string Id, LocalizedList Questions, LocalizedText Answer)
{
    public IReadOnlyList<string> Related { get; init; } = [];

    public string? Topic { get; init; }

    public bool Handoff { get; init; }

    public SourceRef? Source { get; init; }
}
