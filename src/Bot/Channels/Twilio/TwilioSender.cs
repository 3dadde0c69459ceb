using Microsoft.Extensions.Options;
using Reach.Bot.Channels.Sms;
using Reach.Bot.Conversations;
using Reach.Notifications.Contacts;

namespace Reach.Bot.Channels.Twilio;

/// <summary>
/// Sends replies by SMS or WhatsApp through Twilio. Buttons become a numbered list (a reply "2" chooses
/// the second); SMS replies are cut to the segment budget; WhatsApp outside the 24-hour window after the
/// person's last message uses the approved template, never free text. A recipient Twilio reports as
/// unsubscribed (error 21610) is marked opted out.
/// </summary>
public sealed class TwilioSender(
    string channel,
    TwilioClient client,
    IOptions<TwilioOptions> options,
    TwilioConversations conversations,
    IContactStore contacts,
    IOptions<ConversationOptions> conversation,
    TimeProvider timeProvider) : IChannelSender
{
    public string Channel { get; } = channel;

    public bool IsConfigured => options.Value.Enabled && (Channel == "sms" ? options.Value.SmsFrom.Length > 0 || options.Value.MessagingServiceSid.Length > 0 : options.Value.WhatsAppFrom.Length > 0);

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var text = Render(message);
        conversations.RememberChoices(Channel, message.Address, message.Choices);
        var form = new List<KeyValuePair<string, string>>();
        if (Channel == "sms")
        {
            form.Add(new("To", message.Address));
            form.Add(settings.MessagingServiceSid.Length > 0 ? new("MessagingServiceSid", settings.MessagingServiceSid) : new("From", settings.SmsFrom));
            form.Add(new("Body", SmsSegments.Fit(text, settings.SmsSegmentBudget)));
        }
        else
        {
            form.Add(new("To", "whatsapp:" + message.Address));
            form.Add(new("From", settings.WhatsAppFrom));
            if (conversations.InsideWindow(message.Address, timeProvider.GetUtcNow()))
            {
                form.Add(new("Body", text));
            }
            else
            {
                // Outside the 24-hour customer-service window only an approved template may be sent.
                form.Add(new("ContentSid", settings.WhatsAppTemplateSid));
            }
        }

        try
        {
            await client.CreateMessageAsync(form, cancellationToken);
        }
        catch (TwilioApiException e) when (e.Code == UnsubscribedRecipient)
        {
            // The person sent STOP to the carrier or Twilio: mirror the block, so nothing more is attempted.
            var contact = await contacts.GetOrCreateAsync(conversation.Value.Organisation, Channel, message.Address, null, cancellationToken);
            await contacts.SaveAsync(contact with { OptedOut = true }, cancellationToken);
        }
    }

    /// <summary>Twilio's error for a recipient who replied STOP.</summary>
    public const int UnsubscribedRecipient = 21610;

    /// <summary>The text with its buttons as a numbered list, for channels without buttons.</summary>
    public static string Render(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Choices.Count == 0
            ? message.Text
            : message.Text + "\n" + string.Join("\n", message.Choices.Select((c, i) => $"{i + 1}. {c.Label}"));
    }
}
