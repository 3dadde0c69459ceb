using System.Collections.Concurrent;
using Reach.Bot.Conversations;

namespace Reach.Bot.Channels.Twilio;

/// <summary>
/// What the Twilio channels remember between messages: the numbered menu last sent to each address
/// (so that "2" chooses its second entry) and when each WhatsApp user last wrote (the 24-hour window).
/// In memory: after a restart a number is read as text and WhatsApp falls back to the template.
/// </summary>
public sealed class TwilioConversations
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private readonly ConcurrentDictionary<(string, string), IReadOnlyList<Choice>> menus = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastInbound = new(StringComparer.Ordinal);

    public void RememberChoices(string channel, string address, IReadOnlyList<Choice> choices)
    {
        if (choices.Count > 0)
        {
            menus[(channel, address)] = choices;
        }
    }

    /// <summary>The choice a reply such as "2" picks in the last menu sent, or null.</summary>
    public string? ChoiceFor(string channel, string address, string? text) =>
        int.TryParse(text?.Trim().TrimEnd('.'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
        && menus.TryGetValue((channel, address), out var choices) && n >= 1 && n <= choices.Count
            ? choices[n - 1].Id
            : null;

    public void Inbound(string address, DateTimeOffset at) => lastInbound[address] = at;

    public bool InsideWindow(string address, DateTimeOffset now) =>
        lastInbound.TryGetValue(address, out var at) && now - at < Window;
}
