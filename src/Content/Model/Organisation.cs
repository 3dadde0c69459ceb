namespace Reach.Content.Model;

/// <summary>An association using Reach: its names, time zone, languages and contact.</summary>
public sealed record Organisation(
    string Id,
    LocalizedText Name,
    string TimeZone,
    string SourceLanguage,
    IReadOnlyList<string> Languages)
{
    public string? HolidayCalendar { get; init; }

    public Contact Contact { get; init; } = Contact.None;

    public IReadOnlyList<Closure> Closures { get; init; } = [];

    /// <summary>True for demo content that must be verified with the association.</summary>
    public bool Demo { get; init; }

    public SourceRef? Source { get; init; }
}
