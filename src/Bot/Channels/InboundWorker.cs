using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reach.Bot.Conversations;

namespace Reach.Bot.Channels;

/// <summary>
/// Drains the inbound queue: each message through the conversation engine, in its own scope, and each
/// reply to its channel's sender, or to the local outbox when the channel has no credentials. A failure
/// is logged (without the address or the text) and the next message goes on.
/// </summary>
public sealed partial class InboundWorker(
    Inbox queue,
    IServiceScopeFactory scopes,
    ILogger<InboundWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.ReadAllAsync(stoppingToken))
        {
            await ProcessAsync(message, stoppingToken);
        }
    }

    /// <summary>Handles one message; public so that tests and the web chat can run it directly.</summary>
    public async Task ProcessAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var scope = scopes.CreateScope();
        try
        {
            var engine = scope.ServiceProvider.GetRequiredService<ConversationEngine>();
            var dispatcher = scope.ServiceProvider.GetRequiredService<OutboundDispatcher>();
            foreach (var reply in await engine.HandleAsync(message, cancellationToken))
            {
                await dispatcher.DispatchAsync(reply, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The per-message boundary: one failing message never stops the others.
            Log.Failed(logger, message.Channel, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "A message on {Channel} could not be handled")]
        public static partial void Failed(ILogger logger, string channel, Exception exception);
    }
}
