namespace Reach.Notifications.Contacts;

/// <summary>
/// A person who writes to Reach on one channel: only the address (chat id or phone number), a first
/// name, a language, the conversation's stage and consents. Never legal status.
/// </summary>
public sealed record Contact(long Id, string OrganisationId, string Channel, string Address)
{
    public string? FirstName { get; init; }

    public string? Language { get; init; }

    public string? LanguageCandidate { get; init; }

    public int CandidateCount { get; init; }

    /// <summary>Where the conversation is: <c>new</c>, <c>ready</c>, <c>forget</c> (asked to confirm erasure).</summary>
    public string Stage { get; init; } = "new";

    /// <summary>Messages in a row Reach did not understand.</summary>
    public int Misunderstood { get; init; }

    /// <summary>True after STOP: nothing is sent but the confirmation until START.</summary>
    public bool OptedOut { get; init; }
}
