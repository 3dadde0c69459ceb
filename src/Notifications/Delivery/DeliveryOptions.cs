using System.ComponentModel.DataAnnotations;

namespace Reach.Notifications.Delivery;

/// <summary>How the outbox is sent, bound from section <c>Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How often the scheduler looks for due messages. Default 1 second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a message may stay "sending" before another run treats its sender as gone and checks with the
    /// provider whether it was sent. Longer than any send takes. Default 2 minutes.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one run sends before it hands over to the next firing. Default 20 seconds.</summary>
    public TimeSpan RunBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Transient failures (5xx, 429, connection refused) are retried this many times with backoff. Default 5.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry waits this long, doubling each time. Default 30 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages per second per channel (sms, whatsapp, telegram); defaults 10, 10 and 25.</summary>
    public Dictionary<string, double> RatePerSecond { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Telegram allows about one message per second to one chat.</summary>
    public TimeSpan TelegramPerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The price of one SMS segment, for broadcast previews. Default 0.08.</summary>
    [Range(0, 10)]
    public decimal SmsPricePerSegment { get; set; } = 0.08m;

    /// <summary>The currency of <see cref="SmsPricePerSegment"/>. Default EUR.</summary>
    public string Currency { get; set; } = "EUR";

    public double RateFor(string channel) =>
        RatePerSecond.TryGetValue(channel, out var rate) && rate > 0 ? rate
        : channel == "telegram" ? 25
        : 10;
}
