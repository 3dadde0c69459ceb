using Microsoft.Extensions.Options;
using Reach.Bot.Conversations;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Notifications.Delivery.Sms;

namespace Reach.Bot.Channels.Twilio;

/// <summary>
/// Sends by SMS or WhatsApp through Twilio. Buttons become a numbered list (a reply "2" chooses the second);
/// SMS texts are cut to the segment budget; WhatsApp outside the 24-hour window after the person's last message
/// uses the approved template, never free text. A status callback URL is given when the public URL is known.
/// Twilio can tell afterwards whether a message went (its message list), so an unclear send can be checked.
/// </summary>
public sealed class TwilioSender(
    string channel,
    TwilioClient client,
    IOptions<TwilioOptions> options,
    TwilioConversations conversations,
    IContactStore contacts,
    IOptions<ConversationOptions> conversation,
    LocalOutbox localOutbox,
    TimeProvider timeProvider) : IChannelSender, IDeliveryChannel
{
    /// <summary>Twilio's error for a recipient who replied STOP.</summary>
    public const int UnsubscribedRecipient = 21610;

    public string Channel { get; } = channel;

    public bool IsConfigured => options.Value.Enabled && (Channel == "sms" ? options.Value.SmsFrom.Length > 0 || options.Value.MessagingServiceSid.Length > 0 : options.Value.WhatsAppFrom.Length > 0);

    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        this.SendReplyAsync(message with { Channel = Channel }, contacts, conversation.Value.Organisation, cancellationToken);

    public async Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var choices = delivery.Choices.Select(c => new Choice(c.Id, c.Label)).ToList();
        if (!IsConfigured)
        {
            await localOutbox.RecordAsync(Replies.ToMessage(delivery with { Channel = Channel }), cancellationToken);
            return new DeliveryResult(DeliveryOutcome.NotConfigured);
        }

        conversations.RememberChoices(Channel, delivery.Address, choices);
        try
        {
            return DeliveryResult.Sent(await client.CreateMessageAsync(Form(delivery), cancellationToken));
        }
        catch (TwilioApiException e) when (e.Code == UnsubscribedRecipient)
        {
            return new DeliveryResult(DeliveryOutcome.Unreachable, Reason: $"unsubscribed recipient ({e.Code})");
        }
        catch (TwilioApiException e)
        {
            return e.Status == 429 || e.Status >= 500 || e.Status is 401 or 403
                ? new DeliveryResult(DeliveryOutcome.Transient, Reason: $"{e.Status} error {e.Code}")
                : new DeliveryResult(DeliveryOutcome.Permanent, Reason: $"error {e.Code}");
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return new DeliveryResult(DeliveryOutcome.Transient, Reason: "connection refused");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryOutcome.Ambiguous, Reason: e.GetType().Name);
        }
    }

    /// <summary>Looks for the message in Twilio's list of messages to this number since <paramref name="since"/>.</summary>
    public async Task<bool?> WasSentAsync(Delivery delivery, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!IsConfigured)
        {
            return null;
        }

        var form = Form(delivery);
        var to = form.First(f => f.Key == "To").Value;
        var body = form.FirstOrDefault(f => f.Key == "Body").Value;
        try
        {
            var sent = await client.ListMessagesAsync(to, since, cancellationToken);
            return sent.Any(m => m.DateCreated >= since && (body is null || m.Body == body));
        }
        catch (Exception e) when (e is TwilioApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The text with its buttons as a numbered list, for channels without buttons.</summary>
    public static string Render(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Render(message.Text, message.Choices.Select(c => c.Label));
    }

    private static string Render(string text, IEnumerable<string> labels)
    {
        var list = labels.ToList();
        return list.Count == 0 ? text : text + "\n" + string.Join("\n", list.Select((c, i) => $"{i + 1}. {c}"));
    }

    private List<KeyValuePair<string, string>> Form(Delivery delivery)
    {
        var settings = options.Value;
        var text = Render(delivery.Text, delivery.Choices.Select(c => c.Label));
        var form = new List<KeyValuePair<string, string>>();
        if (Channel == "sms")
        {
            form.Add(new("To", delivery.Address));
            form.Add(settings.MessagingServiceSid.Length > 0 ? new("MessagingServiceSid", settings.MessagingServiceSid) : new("From", settings.SmsFrom));
            form.Add(new("Body", SmsSegments.Fit(text, settings.SmsSegmentBudget)));
        }
        else
        {
            form.Add(new("To", "whatsapp:" + delivery.Address));
            form.Add(new("From", settings.WhatsAppFrom));
            if (conversations.InsideWindow(delivery.Address, timeProvider.GetUtcNow()))
            {
                form.Add(new("Body", text));
            }
            else
            {
                // Outside the 24-hour customer-service window only an approved template may be sent.
                form.Add(new("ContentSid", settings.WhatsAppTemplateSid));
            }
        }

        if (settings.PublicBaseUrl is { } publicUrl)
        {
            form.Add(new("StatusCallback", new Uri(publicUrl, "/webhooks/twilio/status").AbsoluteUri));
        }

        return form;
    }
}
