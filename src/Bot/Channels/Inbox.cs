using System.Threading.Channels;
using Reach.Bot.Conversations;

namespace Reach.Bot.Channels;

/// <summary>
/// Messages accepted by the channel webhooks and pollers, waiting for the worker. Bounded: when full,
/// a webhook waits rather than drops (a dropped message would be lost).
/// </summary>
public sealed class Inbox
{
    private readonly Channel<IncomingMessage> queue = System.Threading.Channels.Channel.CreateBounded<IncomingMessage>(
        new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ValueTask EnqueueAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        queue.Writer.WriteAsync(message, cancellationToken);

    public IAsyncEnumerable<IncomingMessage> ReadAllAsync(CancellationToken cancellationToken) =>
        queue.Reader.ReadAllAsync(cancellationToken);

    public int Count => queue.Reader.Count;
}
