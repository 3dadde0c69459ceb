using NodaTime;

namespace Reach.Content.Model;

/// <summary>A partner organisation people are referred to, with the date its contact was checked.</summary>
public sealed record Referral(string Id, LocalizedText Name, ReferralKind Kind, Contact Contact, LocalDate LastVerified)
{
    public LocalizedText? Description { get; init; }

    public LocalizedText? Hours { get; init; }

    public SourceRef? Source { get; init; }
}
