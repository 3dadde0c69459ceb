namespace Reach.Notifications.Contacts;

/// <summary>Contacts, their conversation state and the inbox of conversations with a person.</summary>
public interface IContactStore
{
    /// <summary>The contact for this address, created on first contact.</summary>
    Task<Contact> GetOrCreateAsync(string organisationId, string channel, string address, string? firstName, CancellationToken cancellationToken);

    Task<Contact?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The contacts of these ids that exist, by id, in one read: for lists that show many people (inbox, appointments).</summary>
    Task<IReadOnlyDictionary<long, Contact>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Every contact of the organisation with this address: one phone number on SMS and WhatsApp.</summary>
    Task<IReadOnlyList<Contact>> SameAddressAsync(string organisationId, string address, CancellationToken cancellationToken);

    Task SaveAsync(Contact contact, CancellationToken cancellationToken);

    /// <summary>Erases the contact, its messages and handoffs ("forget me").</summary>
    Task ForgetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Adds a message to the contact's conversation: <c>in</c>, <c>out</c> or <c>staff</c>.</summary>
    Task AddMessageAsync(long contactId, string direction, string text, CancellationToken cancellationToken);

    Task<IReadOnlyList<(string Direction, string Text, DateTimeOffset At)>> MessagesAsync(long contactId, CancellationToken cancellationToken);

    /// <summary>Opens a handoff unless one is open; returns true when it opened one.</summary>
    Task<bool> OpenHandoffAsync(long contactId, string organisationId, string reason, CancellationToken cancellationToken);

    Task<bool> HasOpenHandoffAsync(long contactId, CancellationToken cancellationToken);

    /// <summary>The open handoffs of an organisation, oldest first: the staff inbox.</summary>
    Task<IReadOnlyList<Handoff>> OpenHandoffsAsync(string organisationId, CancellationToken cancellationToken);

    Task<Handoff?> FindHandoffAsync(long handoffId, CancellationToken cancellationToken);

    /// <summary>Gives an open handoff to a colleague (an account id), or to nobody.</summary>
    Task<bool> AssignHandoffAsync(long handoffId, long? accountId, CancellationToken cancellationToken);

    /// <summary>Closes a handoff; returns false when it was not open.</summary>
    Task<bool> CloseHandoffAsync(long handoffId, CancellationToken cancellationToken);
}
