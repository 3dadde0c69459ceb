using System.Globalization;
using Microsoft.Extensions.Options;
using Reach.Bot.Conversations;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;

namespace Reach.Bot.Channels.Telegram;

/// <summary>
/// Sends on Telegram: HTML-escaped, split at sentence boundaries past 4,096 characters, buttons as an inline
/// keyboard on the last part. A 429 is waited out once. For replies, a person who blocked the bot is marked as
/// opted out; for the outbox, every outcome is reported (Telegram cannot tell afterwards whether a message went).
/// </summary>
internal sealed class TelegramSender(
    TelegramClient client,
    TelegramFloodWait floodWait,
    IOptions<TelegramOptions> options,
    IContactStore contacts,
    IOptions<ConversationOptions> conversation,
    LocalOutbox localOutbox) : IChannelSender, IDeliveryChannel
{
    public string Channel => "telegram";

    public bool IsConfigured => options.Value.Enabled;

    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        this.SendReplyAsync(message with { Channel = Channel }, contacts, conversation.Value.Organisation, cancellationToken);

    public async Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!IsConfigured)
        {
            await localOutbox.RecordAsync(Replies.ToMessage(delivery with { Channel = Channel }), cancellationToken);
            return new DeliveryResult(DeliveryOutcome.NotConfigured);
        }

        if (!long.TryParse(delivery.Address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return new DeliveryResult(DeliveryOutcome.Permanent, Reason: "not a Telegram chat id");
        }

        var parts = TelegramText.Split(delivery.Text, options.Value.MaxMessageLength);
        string? first = null;
        try
        {
            for (var i = 0; i < parts.Count; i++)
            {
                var keyboard = i == parts.Count - 1 && delivery.Choices.Count > 0
                    ? new InlineKeyboardMarkup(delivery.Choices.Select(c => (IReadOnlyList<InlineKeyboardButton>)[new InlineKeyboardButton(c.Label, c.Id)]).ToList())
                    : null;
                var text = TelegramText.Escape(parts[i]);
                var sent = await floodWait.ExecuteAsync(ct => client.SendMessageAsync(chatId, text, keyboard, ct), cancellationToken);
                first ??= sent.MessageId.ToString(CultureInfo.InvariantCulture);
            }

            return DeliveryResult.Sent(first);
        }
        catch (TelegramBlockedException e)
        {
            return new DeliveryResult(DeliveryOutcome.Unreachable, Reason: e.Description);
        }
        catch (TelegramApiException e) when (first is null)
        {
            return e.ErrorCode == 429 || e.ErrorCode >= 500
                ? new DeliveryResult(DeliveryOutcome.Transient, RetryAfter: e.RetryAfter, Reason: $"{e.ErrorCode} {e.Description}")
                : new DeliveryResult(DeliveryOutcome.Permanent, Reason: $"{e.ErrorCode} {e.Description}");
        }
        catch (HttpRequestException e) when (first is null && e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return new DeliveryResult(DeliveryOutcome.Transient, Reason: "connection refused");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TelegramApiException && !cancellationToken.IsCancellationRequested)
        {
            // The request may have reached Telegram (or part of a long text did): not repeated.
            return new DeliveryResult(DeliveryOutcome.Ambiguous, first, Reason: e.GetType().Name);
        }
    }

    /// <summary>Telegram cannot tell afterwards whether a message was sent.</summary>
    public Task<bool?> WasSentAsync(Delivery delivery, DateTimeOffset since, CancellationToken cancellationToken) => Task.FromResult<bool?>(null);
}
