using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Reach.Bot.Handoffs;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Web.Accounts;
using Reach.Web.Translations;

namespace Reach.Web.Pages.Staff.Inbox;

/// <summary>
/// One conversation with a person: the messages (with a machine translation into the staff member's language under
/// the person's words, when a translator is configured), an answer relayed on their channel (optionally translated
/// into the person's language first, for review), who follows it (a colleague with the staff role, or nobody), close.
/// </summary>
public sealed class ConversationModel(IContactStore contacts, StaffRelay relay, AccountStore accounts, OrganisationZones zones, ReadingTranslator translator, AuditLog audit) : PageModel
{
    public const string Nobody = "none";

    public string Who { get; private set; } = string.Empty;

    /// <summary>The person's language, when Reach knows it.</summary>
    public string? PersonLanguage { get; private set; }

    public string Language => PersonLanguage ?? "?";

    /// <summary>The language of the signed-in account: translations are into it.</summary>
    public string StaffLanguage => User.FindFirstValue(StaffAppExtensions.LanguageClaim) ?? "fr";

    public string Channel { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public string AssignedTo { get; private set; } = "nobody yet";

    public long? AssignedId { get; private set; }

    public bool Open { get; private set; }

    /// <summary>The organisation's accounts with the staff role, who may follow the conversation.</summary>
    public IReadOnlyList<Accounts.Account> Colleagues { get; private set; } = [];

    public IReadOnlyList<Line> Messages { get; private set; } = [];

    /// <summary>Said when the translator failed or was slow: the messages are shown as written.</summary>
    public string? TranslationNote { get; private set; }

    /// <summary>The answer being written, kept when the page is shown again.</summary>
    public string? Draft { get; private set; }

    /// <summary>The machine translation of <see cref="Draft"/> into the person's language, to review before sending.</summary>
    public string? DraftTranslation { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public string? AssignError { get; private set; }

    /// <summary>True when the translator is configured and the person's language differs from the staff member's.</summary>
    public bool CanTranslateDraft => translator.Enabled && PersonLanguage is not null && !ReadingTranslator.SameLanguage(PersonLanguage, StaffLanguage);

    public static string Direction(string? language) => ReadingTranslator.IsRightToLeft(language) ? "rtl" : "auto";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is null ? NotFound() : await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostReplyAsync(long id, string? text, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var outcome = await relay.ReplyAsync(id, text, cancellationToken);
        if (outcome is not (RelayOutcome.Sent or RelayOutcome.RecordedNotSent))
        {
            Draft = text;
            Error = outcome switch
            {
                RelayOutcome.Empty => "Write an answer first.",
                RelayOutcome.TooLong => $"The answer is too long: at most {StaffRelay.MaxLength} characters.",
                RelayOutcome.OptedOut => "The person asked for no more messages (STOP): nothing was sent.",
                RelayOutcome.Closed => "This conversation is closed.",
                _ => "The answer could not be sent.",
            };
            return await ShowAsync(cancellationToken);
        }

        await audit.WriteAsync(User.Organisation(), User.Actor(), "inbox.reply", $"conversation {id}", cancellationToken);
        Message = outcome == RelayOutcome.Sent ? "Sent." : "Recorded, but not sent: the channel has no credentials (local outbox).";
        return Redirect($"/staff/inbox/{id}");
    }

    /// <summary>Translates the answer being written into the person's language and shows it for review; sends nothing.</summary>
    public async Task<IActionResult> OnPostTranslateAsync(long id, string? text, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        Draft = text;
        if (string.IsNullOrWhiteSpace(text))
        {
            Error = "Write an answer first.";
        }
        else if (!CanTranslateDraft)
        {
            Error = "There is nothing to translate into: no translator is configured, or the person's language is yours or unknown.";
        }
        else
        {
            var translated = await translator.TranslateAsync([text.Trim()], PersonLanguage!, cancellationToken);
            DraftTranslation = translated.For(text.Trim()) ?? (translated.Unavailable ? null : text.Trim());
            Error = translated.Unavailable ? "The translator did not answer: your answer was not translated." : null;
        }

        return await ShowAsync(cancellationToken);
    }

    /// <summary>
    /// Who follows the conversation: a colleague (an account id of this organisation with the staff role), nobody
    /// (<see cref="Nobody"/>), or, without a choice, the signed-in account ("I follow this conversation").
    /// </summary>
    public async Task<IActionResult> OnPostAssignAsync(long id, string? account, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var me = long.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
        Accounts.Account? chosen = null;
        if (account != Nobody)
        {
            var chosenId = account is null ? me : long.TryParse(account, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (long?)null;
            chosen = Colleagues.FirstOrDefault(c => c.Id == chosenId);
            if (chosen is null)
            {
                AssignError = "Choose a colleague of this organisation with the staff role, or nobody. Nothing was changed.";
                return await ShowAsync(cancellationToken);
            }
        }

        if (!await contacts.AssignHandoffAsync(id, chosen?.Id, cancellationToken))
        {
            AssignError = "This conversation is closed. Nothing was changed.";
            return await ShowAsync(cancellationToken);
        }

        await audit.WriteAsync(User.Organisation(), User.Actor(), "inbox.assign", $"conversation {id} to {chosen?.Email ?? "nobody"}", cancellationToken);
        Message = chosen is null ? "Nobody follows this conversation now."
            : chosen.Id == me ? "You follow this conversation."
            : $"{chosen.DisplayName} follows this conversation.";
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
        PersonLanguage = contact?.Language;
        Channel = contact?.Channel ?? "?";
        Reason = handoff.Reason;
        Open = handoff.IsOpen;
        Colleagues = (await accounts.ListAsync(handoff.OrganisationId, cancellationToken)).Where(a => a.IsIn(Roles.Staff) && !a.Disabled).ToList();
        AssignedId = handoff.AssignedTo;
        if (handoff.AssignedTo is { } assigned && await accounts.FindAsync(assigned, cancellationToken) is { } colleague)
        {
            AssignedTo = colleague.DisplayName;
        }

        Messages = contact is null ? [] : (await contacts.MessagesAsync(contact.Id, cancellationToken))
            .Select(m => new Line(
                m.Direction switch { "in" => Who, "staff" => "Team", _ => "Reach" },
                Instant.FromDateTimeOffset(m.At).InZone(zone).ToString("dd/MM HH:mm", null),
                m.Text,
                m.Direction == "in",
                m.Direction == "staff" ? null : PersonLanguage))
            .ToList();
        return handoff;
    }

    /// <summary>The page, with the person's messages translated when they are not in the staff member's language.</summary>
    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        var theirs = Messages.Where(m => m.FromPerson).Select(m => m.Text).ToList();
        if (!translator.Enabled || theirs.Count == 0 || ReadingTranslator.SameLanguage(PersonLanguage, StaffLanguage))
        {
            return Page();
        }

        var translations = await translator.TranslateAsync(theirs, StaffLanguage, cancellationToken);
        Messages = Messages
            .Select(m => m.FromPerson ? m with { Translation = translations.For(m.Text), Language = translations.LanguageOf(m.Text) ?? m.Language } : m)
            .ToList();
        TranslationNote = translations.Unavailable ? "The translator did not answer: messages are shown as written." : null;
        return Page();
    }

    /// <summary>One message: who, when, the text as written, its language when known, and its machine translation if any.</summary>
    public sealed record Line(string Who, string At, string Text, bool FromPerson, string? Language)
    {
        public string? Translation { get; init; }
    }
}
