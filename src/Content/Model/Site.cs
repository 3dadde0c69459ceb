namespace Reach.Content.Model;

/// <summary>A place: office, antenna, room or meeting point.</summary>
public sealed record Site(string Id, LocalizedText Name, string Address)
{
    public LocalizedText? Directions { get; init; }

    public string? Phone { get; init; }

    public SourceRef? Source { get; init; }
}
