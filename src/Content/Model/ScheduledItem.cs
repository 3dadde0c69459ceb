using NodaTime;

namespace Reach.Content.Model;

/// <summary>What services and activities have in common: place, closures, what to bring, contact, validity.</summary>
public abstract record ScheduledItem(string Id, LocalizedText Title)
{
    public string? Site { get; init; }

    public IReadOnlyList<Closure> Closures { get; init; } = [];

    public bool OpenOnPublicHolidays { get; init; }

    public IReadOnlyList<LocalizedText> Bring { get; init; } = [];

    public Contact Contact { get; init; } = Contact.None;

    public LocalizedList Keywords { get; init; } = LocalizedList.Empty;

    public LocalDate? ValidFrom { get; init; }

    public LocalDate? ValidTo { get; init; }

    public LocalDate? LastVerified { get; init; }

    public SourceRef? Source { get; init; }
}
