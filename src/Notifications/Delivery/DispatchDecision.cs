using NodaTime;
using Reach.Notifications.Contacts;
using Reach.Notifications.Reminders;

namespace Reach.Notifications.Delivery;

/// <summary>What to do with a due message now. Pure: every input is given, the clock included.</summary>
public abstract record DispatchDecision
{
    private DispatchDecision()
    {
    }

    public sealed record Send(string Channel) : DispatchDecision;

    public sealed record Defer(Instant Until) : DispatchDecision;

    /// <summary>The person opted out: not sent, and not a failure.</summary>
    public sealed record Suppress(string Reason) : DispatchDecision;

    /// <summary>Too late to make sense: after its event, or missed beyond the allowed lateness.</summary>
    public sealed record Drop(string Reason) : DispatchDecision;

    public sealed record Fail(string Reason) : DispatchDecision;

    /// <summary>
    /// Decides for <paramref name="message"/>: opt-out first (also of messages queued before it), then lateness, then
    /// quiet hours, then the channel: Telegram for a Telegram contact; for a phone number WhatsApp when the person
    /// uses it, else SMS; a channel that failed permanently is skipped, and configured channels come first.
    /// </summary>
    public static DispatchDecision Decide(
        OutboxMessage message,
        Contact contact,
        IReadOnlyList<Contact> sameAddress,
        IReadOnlySet<string> configured,
        DateTimeZone zone,
        QuietHours quiet,
        Duration maxLateness,
        Instant now)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(sameAddress);
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(quiet);
        if (contact.OptedOut || (IsPhone(contact.Channel) && sameAddress.Any(c => IsPhone(c.Channel) && c.OptedOut)))
        {
            return new Suppress("the person opted out");
        }

        var due = Instant.FromUnixTimeMilliseconds(message.DueMs);
        if (message.EventMs is { } eventMs && now >= Instant.FromUnixTimeMilliseconds(eventMs))
        {
            return new Drop("the event has already started");
        }

        if (message.Kind != "broadcast" && now - due > maxLateness)
        {
            return new Drop($"missed by {(now - due).TotalMinutes:0} minutes, more than the {maxLateness.TotalMinutes:0} allowed");
        }

        var morning = quiet.Defer(now, zone);
        if (morning != now)
        {
            return message.EventMs is { } e && morning >= Instant.FromUnixTimeMilliseconds(e)
                ? new Drop("quiet hours last until after the event")
                : new Defer(morning);
        }

        var tried = message.Tried.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var routes = Routes(contact, sameAddress).Where(r => !tried.Contains(r)).ToList();
        if (routes.Count == 0)
        {
            return new Fail(tried.Length == 0 ? $"no channel can reach a {contact.Channel} contact" : $"no channel left after {string.Join(", ", tried)}");
        }

        return new Send(routes.FirstOrDefault(configured.Contains) ?? routes[0]);
    }

    /// <summary>The channels that reach a contact, best first.</summary>
    public static IReadOnlyList<string> Routes(Contact contact, IReadOnlyList<Contact> sameAddress)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(sameAddress);
        if (contact.Channel == "telegram")
        {
            return ["telegram"];
        }

        if (!IsPhone(contact.Channel))
        {
            return [];
        }

        var usesWhatsApp = contact.Channel == "whatsapp" || sameAddress.Any(c => c.Channel == "whatsapp");
        return usesWhatsApp ? ["whatsapp", "sms"] : ["sms"];
    }

    private static bool IsPhone(string channel) => channel is "sms" or "whatsapp";
}
