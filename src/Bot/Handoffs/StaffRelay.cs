using Reach.Bot.Channels;
using Reach.Bot.Conversations;
using Reach.Notifications.Contacts;

namespace Reach.Bot.Handoffs;

/// <summary>What became of a staff reply.</summary>
public enum RelayOutcome
{
    /// <summary>Sent on the person's channel.</summary>
    Sent,

    /// <summary>The channel has no credentials: kept in the local outbox, labelled as not sent.</summary>
    RecordedNotSent,

    /// <summary>No such conversation (or the person asked to be forgotten).</summary>
    NotFound,

    /// <summary>The conversation was closed; reopen it from a new message of the person.</summary>
    Closed,

    /// <summary>The person sent STOP: nothing is sent until they send START.</summary>
    OptedOut,

    /// <summary>The reply was empty.</summary>
    Empty,

    /// <summary>The reply is longer than <see cref="StaffRelay.MaxLength"/> characters.</summary>
    TooLong,
}

/// <summary>
/// Relays a staff member's reply in the inbox to the person, on the channel they wrote from and in the
/// text the staff member wrote (staff write in the person's language or a shared one). The reply is kept
/// in the conversation so that the next staff member sees it. STOP is respected: an opted-out person
/// receives nothing. The web chat has no push: there the reply goes to the local outbox, as not sent.
/// </summary>
public sealed class StaffRelay(IContactStore contacts, OutboundDispatcher dispatcher)
{
    /// <summary>Staff replies longer than this are refused rather than cut: an SMS conversation stays short.</summary>
    public const int MaxLength = 1600;

    public async Task<RelayOutcome> ReplyAsync(long handoffId, string? text, CancellationToken cancellationToken)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return RelayOutcome.Empty;
        }

        if (trimmed.Length > MaxLength)
        {
            return RelayOutcome.TooLong;
        }

        if (await contacts.FindHandoffAsync(handoffId, cancellationToken) is not { } handoff
            || await contacts.FindAsync(handoff.ContactId, cancellationToken) is not { } contact)
        {
            return RelayOutcome.NotFound;
        }

        if (!handoff.IsOpen)
        {
            return RelayOutcome.Closed;
        }

        if (contact.OptedOut)
        {
            return RelayOutcome.OptedOut;
        }

        await contacts.AddMessageAsync(contact.Id, "staff", trimmed, cancellationToken);
        var message = new OutgoingMessage(contact.Channel, contact.Address, contact.Language ?? "fr", trimmed);
        return await dispatcher.DispatchAsync(message, cancellationToken) ? RelayOutcome.Sent : RelayOutcome.RecordedNotSent;
    }
}
