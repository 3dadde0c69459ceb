namespace Reach.Content.Model;

/// <summary>How to reach an organisation, a service or a partner. Every part is optional.</summary>
public sealed record Contact(string? Phone, string? Email, string? Website, string? Address, LocalizedText? Hours)
{
    public static Contact None { get; } = new(null, null, null, null, null);

    public bool IsEmpty => Phone is null && Email is null && Website is null && Address is null && Hours is null;
}
