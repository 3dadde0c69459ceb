using Reach.Notifications.Delivery;

namespace Reach.Benchmarks.Load;

/// <summary>
/// A provider that accepts everything at once and records when each message reached it (the wall clock, as the
/// outbox's due times are), in process: what the load commands measure lateness and rates on.
/// </summary>
internal sealed class RecordingChannel(string channel, TimeProvider timeProvider) : IDeliveryChannel
{
    private readonly Lock gate = new();
    private readonly List<Delivered> delivered = new(capacity: 1024);
    private long sequence;

    public string Channel => channel;

    public bool IsConfigured => true;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return delivered.Count;
            }
        }
    }

    /// <summary>Everything delivered so far, in order.</summary>
    public IReadOnlyList<Delivered> Snapshot()
    {
        lock (gate)
        {
            return delivered.ToList();
        }
    }

    public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var at = timeProvider.GetUtcNow();
        long number;
        lock (gate)
        {
            number = ++sequence;
            delivered.Add(new Delivered(delivery.OutboxId ?? 0, channel, at.UtcTicks));
        }

        return Task.FromResult(DeliveryResult.Sent($"{channel}-{number}"));
    }

    public Task<bool?> WasSentAsync(Delivery delivery, DateTimeOffset since, CancellationToken cancellationToken) => Task.FromResult<bool?>(false);
}

/// <summary>One message as the provider got it: its outbox id, the channel and when (UTC ticks).</summary>
internal readonly record struct Delivered(long OutboxId, string Channel, long AtTicks)
{
    public long AtMs => (AtTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMillisecond;
}
