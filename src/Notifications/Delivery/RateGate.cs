using System.Collections.Concurrent;

namespace Reach.Notifications.Delivery;

/// <summary>
/// Spaces sends so that a channel never goes above its configured rate: each send takes the next slot,
/// 1/rate after the previous one was actually released (never earlier, even after a late timer). Telegram also gets its per-chat interval. One gate per process; a cluster
/// sends from one node at a time (the dispatch job runs on one node at a time).
/// </summary>
public sealed class RateGate(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> nextSlot = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> nextChat = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Waits for the next slot of <paramref name="channel"/> at <paramref name="perSecond"/> messages per second.</summary>
    public async Task WaitAsync(string channel, string address, double perSecond, TimeSpan perChat, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var interval = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / perSecond));
        DateTimeOffset at;
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            at = Max(now, nextSlot.GetValueOrDefault(channel));
            if (channel == "telegram" && perChat > TimeSpan.Zero)
            {
                at = Max(at, nextChat.GetValueOrDefault(address));
                nextChat[address] = at + perChat;
                if (nextChat.Count > 10_000)
                {
                    foreach (var old in nextChat.Where(p => p.Value < now).Select(p => p.Key).ToList())
                    {
                        nextChat.TryRemove(old, out _);
                    }
                }
            }

            nextSlot[channel] = at + interval;
        }

        var wait = at - timeProvider.GetUtcNow();
        if (wait >= TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }

        lock (gate)
        {
            // A timer that woke late must not let the next send catch up: the next slot counts from the real
            // release, so no window of a second ever holds more than the rate.
            var released = timeProvider.GetUtcNow() + interval;
            if (released > nextSlot.GetValueOrDefault(channel))
            {
                nextSlot[channel] = released;
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
