namespace Reach.Notifications.Contacts;

/// <summary>A conversation handed over to a person: why it was opened and whether it is still open.</summary>
public sealed record Handoff(long Id, string OrganisationId, long ContactId, string Reason, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt)
{
    public bool IsOpen => ClosedAt is null;

    /// <summary>The account following it, if any.</summary>
    public long? AssignedTo { get; init; }
}
