namespace Reach.Notifications.Delivery;

/// <summary>
/// The delivery port: sends one message on one channel and says what happened. Implemented by the channel
/// senders (Telegram, SMS, WhatsApp); the outbox decides what to do with the outcome.
/// </summary>
public interface IDeliveryChannel
{
    /// <summary>telegram, whatsapp or sms.</summary>
    string Channel { get; }

    /// <summary>False when the channel has no credentials: its messages are only recorded locally.</summary>
    bool IsConfigured { get; }

    Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the provider has this message since <paramref name="since"/>: true or false when the provider
    /// can tell, null when it cannot (then a send that may have gone out is never repeated).
    /// </summary>
    Task<bool?> WasSentAsync(Delivery delivery, DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>A message to deliver: text with optional reply choices; <see cref="OutboxId"/> ties status callbacks to it.</summary>
public sealed record Delivery(string Channel, string Address, string Language, string Text)
{
    public IReadOnlyList<DeliveryChoice> Choices { get; init; } = [];

    public long? OutboxId { get; init; }
}

public sealed record DeliveryChoice(string Id, string Label);

public enum DeliveryOutcome
{
    /// <summary>Accepted by the provider.</summary>
    Sent,

    /// <summary>Not accepted, worth retrying later (5xx, 429, connection refused before sending).</summary>
    Transient,

    /// <summary>This channel will never deliver it (invalid number, not a mobile): try the next channel.</summary>
    Permanent,

    /// <summary>The person cannot be reached here (unsubscribed, blocked the bot): recorded on the contact.</summary>
    Unreachable,

    /// <summary>It may have reached the provider (a timeout after sending): retried only if the provider can tell.</summary>
    Ambiguous,

    /// <summary>The channel has no credentials: recorded in the local outbox, labelled not sent.</summary>
    NotConfigured,
}

public sealed record DeliveryResult(DeliveryOutcome Outcome, string? ProviderId = null, TimeSpan? RetryAfter = null, string? Reason = null)
{
    public static DeliveryResult Sent(string? providerId) => new(DeliveryOutcome.Sent, providerId);
}
