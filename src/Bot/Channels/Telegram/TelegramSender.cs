using System.Globalization;
using Microsoft.Extensions.Options;
using Reach.Bot.Conversations;
using Reach.Notifications.Contacts;

namespace Reach.Bot.Channels.Telegram;

/// <summary>
/// Sends replies on Telegram: HTML-escaped, split at sentence boundaries past 4,096 characters, buttons as
/// an inline keyboard on the last part. A 429 is waited out once; a person who blocked the bot is marked
/// as opted out so that nothing more is tried.
/// </summary>
internal sealed class TelegramSender(TelegramClient client, TelegramFloodWait floodWait, IOptions<TelegramOptions> options, IContactStore contacts, IOptions<ConversationOptions> conversation) : IChannelSender
{
    public string Channel => "telegram";

    public bool IsConfigured => options.Value.Enabled;

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var chatId = long.Parse(message.Address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var parts = TelegramText.Split(message.Text, options.Value.MaxMessageLength);
        try
        {
            for (var i = 0; i < parts.Count; i++)
            {
                var keyboard = i == parts.Count - 1 && message.Choices.Count > 0
                    ? new InlineKeyboardMarkup(message.Choices.Select(c => (IReadOnlyList<InlineKeyboardButton>)[new InlineKeyboardButton(c.Label, c.Id)]).ToList())
                    : null;
                var text = TelegramText.Escape(parts[i]);
                await floodWait.ExecuteAsync(ct => client.SendMessageAsync(chatId, text, keyboard, ct), cancellationToken);
            }
        }
        catch (TelegramBlockedException)
        {
            // Blocked by the user (or deactivated): unreachable on Telegram, so nothing more is sent.
            var contact = await contacts.GetOrCreateAsync(conversation.Value.Organisation, Channel, message.Address, null, cancellationToken);
            await contacts.SaveAsync(contact with { OptedOut = true }, cancellationToken);
        }
    }
}
