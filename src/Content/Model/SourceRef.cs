namespace Reach.Content.Model;

/// <summary>Where an item was read from in a content pack, for messages to coordinators.</summary>
public sealed record SourceRef(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
