namespace Reach.Content.Model;

/// <summary>A sensitive topic: trigger phrases route a message here before any other matching.</summary>
public sealed record SafetyTopic(
    string Id,
    SafetyTopicKind Topic,
    LocalizedList Triggers,
    LocalizedText Answer,
    IReadOnlyList<EmergencyContact> Contacts)
{
    public SourceRef? Source { get; init; }
}
