using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Reach.Bot.Handoffs;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Staff.Inbox;

/// <summary>One conversation with a person: the messages, an answer relayed on their channel, follow, close.</summary>
public sealed class ConversationModel(IContactStore contacts, StaffRelay relay, AccountStore accounts, OrganisationZones zones, AuditLog audit) : PageModel
{
    public string Who { get; private set; } = string.Empty;

    public string Language { get; private set; } = string.Empty;

    public string Channel { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public string AssignedTo { get; private set; } = "nobody yet";

    public bool Open { get; private set; }

    public IReadOnlyList<(string Who, string At, string Text)> Messages { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostReplyAsync(long id, string? text, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var outcome = await relay.ReplyAsync(id, text, cancellationToken);
        if (outcome is not (RelayOutcome.Sent or RelayOutcome.RecordedNotSent))
        {
            Error = outcome switch
            {
                RelayOutcome.Empty => "Write an answer first.",
                RelayOutcome.TooLong => $"The answer is too long: at most {StaffRelay.MaxLength} characters.",
                RelayOutcome.OptedOut => "The person asked for no more messages (STOP): nothing was sent.",
                RelayOutcome.Closed => "This conversation is closed.",
                _ => "The answer could not be sent.",
            };
            return Page();
        }

        await audit.WriteAsync(User.Organisation(), User.Actor(), "inbox.reply", $"conversation {id}", cancellationToken);
        Message = outcome == RelayOutcome.Sent ? "Sent." : "Recorded, but not sent: the channel has no credentials (local outbox).";
        return Redirect($"/staff/inbox/{id}");
    }

    public async Task<IActionResult> OnPostAssignAsync(long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var me = long.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
        await contacts.AssignHandoffAsync(id, me, cancellationToken);
        await audit.WriteAsync(User.Organisation(), User.Actor(), "inbox.assign", $"conversation {id}", cancellationToken);
        Message = "You follow this conversation.";
        return Redirect($"/staff/inbox/{id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        await contacts.CloseHandoffAsync(id, cancellationToken);
        await audit.WriteAsync(User.Organisation(), User.Actor(), "inbox.close", $"conversation {id}", cancellationToken);
        return Redirect("/staff/inbox");
    }

    private async Task<Handoff?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var handoff = await contacts.FindHandoffAsync(id, cancellationToken);
        if (handoff is null || handoff.OrganisationId != User.Organisation())
        {
            return null;
        }

        var contact = await contacts.FindAsync(handoff.ContactId, cancellationToken);
        var zone = await zones.ZoneAsync(handoff.OrganisationId, cancellationToken);
        Who = contact?.FirstName ?? "a person";
        Language = contact?.Language ?? "?";
        Channel = contact?.Channel ?? "?";
        Reason = handoff.Reason;
        Open = handoff.IsOpen;
        if (handoff.AssignedTo is { } assigned && await accounts.FindAsync(assigned, cancellationToken) is { } colleague)
        {
            AssignedTo = colleague.DisplayName;
        }

        Messages = contact is null ? [] : (await contacts.MessagesAsync(contact.Id, cancellationToken))
            .Select(m => (m.Direction switch { "in" => Who, "staff" => "Team", _ => "Reach" }, Instant.FromDateTimeOffset(m.At).InZone(zone).ToString("dd/MM HH:mm", null), m.Text))
            .ToList();
        return handoff;
    }
}
