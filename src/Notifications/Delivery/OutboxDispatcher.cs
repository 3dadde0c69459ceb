using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Reach.Content.Storage;
using Reach.Notifications.Contacts;
using Reach.Notifications.Reminders;

namespace Reach.Notifications.Delivery;

/// <summary>
/// Sends what is due in the outbox, one message at a time: take it (so nobody else can), decide, write it,
/// record what is about to be sent, wait for the channel's rate, send, record the outcome. A message whose
/// sender stopped half-way is checked with the provider before anything is repeated. Logs carry ids, never
/// addresses or texts.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxStore outbox,
    IContactStore contacts,
    IEnumerable<IDeliveryChannel> channels,
    IMessageRenderer renderer,
    OrganisationZones zones,
    RateGate gate,
    ReachDatabase database,
    DispatcherIdentity identity,
    IOptionsMonitor<DeliveryOptions> deliveryOptions,
    IOptionsMonitor<ReminderOptions> reminderOptions,
    TimeProvider timeProvider,
    ILogger<OutboxDispatcher> logger)
{
    private readonly Dictionary<string, IDeliveryChannel> byChannel = channels.ToDictionary(c => c.Channel, StringComparer.Ordinal);
    /// <summary>Who holds a message while sending: unique per process.</summary>
    public string InstanceId => identity.Id;

    /// <summary>One run: recover stale sends, then send due messages until none is due or the run's budget is spent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var options = deliveryOptions.CurrentValue;
        var started = timeProvider.GetUtcNow();

        // SQLite serves one process only: on its first run, whatever is still "sending" was left by a previous process.
        var first = identity.FirstRun();
        await RecoverAsync(first && database.Dialect == StoreDialect.Sqlite, cancellationToken);
        var sent = 0;
        while (timeProvider.GetUtcNow() - started < options.RunBudget)
        {
            var due = await outbox.DueAsync(timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), 100, cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            foreach (var id in due)
            {
                if (timeProvider.GetUtcNow() - started >= options.RunBudget)
                {
                    break;
                }

                var message = await outbox.ClaimAsync(id, InstanceId, LeaseUntil(options), cancellationToken);
                if (message is not null && await ProcessAsync(message, options, cancellationToken))
                {
                    sent++;
                }
            }
        }

        return sent;
    }

    private long LeaseUntil(DeliveryOptions options) => (timeProvider.GetUtcNow() + options.Lease).ToUnixTimeMilliseconds();

    private async Task RecoverAsync(bool everything, CancellationToken cancellationToken)
    {
        var options = deliveryOptions.CurrentValue;
        var nowMs = everything ? long.MaxValue : timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var stale in await outbox.StaleAsync(nowMs, cancellationToken))
        {
            if (stale.LeaseMs is not { } lease || !await outbox.TakeOverAsync(stale.Id, lease, InstanceId, LeaseUntil(options), cancellationToken))
            {
                continue;
            }

            if (stale.Channel is null || stale.Text is null || !byChannel.TryGetValue(stale.Channel, out var channel))
            {
                // Taken but never handed to a channel: nothing went out.
                await outbox.ReplanAsync(stale.Id, InstanceId, timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), "its sender stopped before sending", stale.Tried, cancellationToken);
                continue;
            }

            var contact = await contacts.FindAsync(stale.ContactId, cancellationToken);
            // From when the send started (a minute earlier for clock differences), never from a later takeover:
            // a process that died while checking must not narrow the next check.
            var since = DateTimeOffset.FromUnixTimeMilliseconds(stale.SendingMs ?? stale.DueMs) - TimeSpan.FromMinutes(1);
            var known = contact is null ? null : await channel.WasSentAsync(new Delivery(stale.Channel, contact.Address, stale.Language, stale.Text), since, cancellationToken);
            Log.Recovered(logger, stale.Id, known);
            _ = known switch
            {
                true => await outbox.FinishAsync(stale.Id, InstanceId, OutboxStates.Sent, null, "confirmed by the provider after its sender stopped", cancellationToken),
                false => await outbox.ReplanAsync(stale.Id, InstanceId, timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), "not found at the provider after its sender stopped", stale.Tried, cancellationToken),
                null => await outbox.FinishAsync(stale.Id, InstanceId, OutboxStates.Failed, null, "may have been sent before its sender stopped; not repeated", cancellationToken),
            };
        }
    }

    private async Task<bool> ProcessAsync(OutboxMessage message, DeliveryOptions options, CancellationToken cancellationToken)
    {
        var contact = await contacts.FindAsync(message.ContactId, cancellationToken);
        if (contact is null)
        {
            await outbox.FinishAsync(message.Id, InstanceId, OutboxStates.Cancelled, null, "the person's data was erased", cancellationToken);
            return false;
        }

        var sameAddress = contact.Channel is "sms" or "whatsapp"
            ? await contacts.SameAddressAsync(contact.OrganisationId, contact.Address, cancellationToken)
            : [];
        var zone = await zones.ZoneAsync(message.OrganisationId, cancellationToken);
        var reminders = reminderOptions.CurrentValue;
        var now = Instant.FromDateTimeOffset(timeProvider.GetUtcNow());
        var configured = byChannel.Values.Where(c => c.IsConfigured).Select(c => c.Channel).ToHashSet(StringComparer.Ordinal);
        var decision = DispatchDecision.Decide(
            message, contact, sameAddress, configured, zone, reminders.QuietHoursFor(message.OrganisationId), Duration.FromTimeSpan(reminders.MaxLateness), now);
        switch (decision)
        {
            case DispatchDecision.Suppress s:
                await outbox.FinishAsync(message.Id, InstanceId, OutboxStates.Suppressed, null, s.Reason, cancellationToken);
                return false;
            case DispatchDecision.Drop d:
                Log.Dropped(logger, message.Id, message.Kind, d.Reason);
                await outbox.FinishAsync(message.Id, InstanceId, OutboxStates.Dropped, null, d.Reason, cancellationToken);
                return false;
            case DispatchDecision.Fail f:
                await outbox.FinishAsync(message.Id, InstanceId, OutboxStates.Failed, null, f.Reason, cancellationToken);
                return false;
            case DispatchDecision.Defer d:
                await outbox.ReplanAsync(message.Id, InstanceId, d.Until.ToUnixTimeMilliseconds(), "quiet hours: waits for the morning", message.Tried, cancellationToken);
                return false;
        }

        var channelName = ((DispatchDecision.Send)decision).Channel;
        var rendered = message.Text is { } fixedText
            ? new RenderedMessage(fixedText, [])
            : await renderer.RenderAsync(message, cancellationToken);
        if (rendered is null)
        {
            await outbox.FinishAsync(message.Id, InstanceId, OutboxStates.Cancelled, null, "what it was about no longer exists", cancellationToken);
            return false;
        }

        if (!byChannel.TryGetValue(channelName, out var channel))
        {
            await outbox.FinishAsync(message.Id, InstanceId, OutboxStates.Failed, null, $"no {channelName} sender in this Reach", cancellationToken);
            return false;
        }

        if (!await outbox.StartSendingAsync(message.Id, InstanceId, channelName, rendered.Text, cancellationToken))
        {
            return false;
        }

        var delivery = new Delivery(channelName, contact.Address, message.Language, rendered.Text) { Choices = rendered.Choices, OutboxId = message.Id };
        await gate.WaitAsync(channelName, contact.Address, options.RateFor(channelName), options.TelegramPerChatInterval, cancellationToken);
        DeliveryResult result;
        try
        {
            result = await channel.DeliverAsync(delivery, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An unexpected failure after the request may have left: treated as possibly sent.
            Log.SendFailed(logger, message.Id, channelName, e);
            result = new DeliveryResult(DeliveryOutcome.Ambiguous, Reason: e.GetType().Name);
        }

        return await RecordAsync(message, contact, channel, delivery, result, options, cancellationToken);
    }

    private async Task<bool> RecordAsync(OutboxMessage message, Contact contact, IDeliveryChannel channel, Delivery delivery, DeliveryResult result, DeliveryOptions options, CancellationToken cancellationToken)
    {
        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var attempts = message.Attempts + 1;
        switch (result.Outcome)
        {
            case DeliveryOutcome.Sent:
                await outbox.FinishAsync(message.Id, InstanceId, OutboxStates.Sent, result.ProviderId, null, cancellationToken);
                return true;
            case DeliveryOutcome.Transient when attempts < options.MaxAttempts:
                var wait = result.RetryAfter ?? options.RetryDelay * Math.Pow(2, attempts - 1);
                await outbox.ReplanAsync(message.Id, InstanceId, nowMs + (long)wait.TotalMilliseconds, $"retry {attempts}: {result.Reason}", message.Tried, cancellationToken);
                return false;
            case DeliveryOutcome.Transient:
                await outbox.FinishAsync(message.Id, InstanceId, OutboxStates.Failed, null, $"gave up after {attempts} attempts: {result.Reason}", cancellationToken);
                return false;
            case DeliveryOutcome.Permanent:
                // This channel cannot deliver it: the next channel that reaches the person is tried.
                var tried = string.Join(',', message.Tried.Split(',', StringSplitOptions.RemoveEmptyEntries).Append(delivery.Channel));
                await outbox.ReplanAsync(message.Id, InstanceId, nowMs, $"{delivery.Channel}: {result.Reason}", tried, cancellationToken);
                return false;
            case DeliveryOutcome.Unreachable:
                await MarkUnreachableAsync(contact, delivery.Channel, cancellationToken);
                await outbox.FinishAsync(message.Id, InstanceId, OutboxStates.Failed, null, $"{delivery.Channel}: {result.Reason}", cancellationToken);
                return false;
            case DeliveryOutcome.NotConfigured:
                await outbox.FinishAsync(message.Id, InstanceId, OutboxStates.Failed, null, $"not sent: no {delivery.Channel} credentials (kept in the local outbox)", cancellationToken);
                return false;
            default:
                var known = await channel.WasSentAsync(delivery, timeProvider.GetUtcNow() - TimeSpan.FromMinutes(2), cancellationToken);
                _ = known switch
                {
                    true => await outbox.FinishAsync(message.Id, InstanceId, OutboxStates.Sent, null, "confirmed by the provider after an unclear answer", cancellationToken),
                    false when attempts < options.MaxAttempts => await outbox.ReplanAsync(message.Id, InstanceId, nowMs + (long)options.RetryDelay.TotalMilliseconds, $"retry {attempts}: {result.Reason}", message.Tried, cancellationToken),
                    _ => await outbox.FinishAsync(message.Id, InstanceId, OutboxStates.Failed, null, $"may have been sent ({result.Reason}); not repeated", cancellationToken),
                };
                return known == true;
        }
    }

    /// <summary>Unsubscribed or blocked: the contact on that channel is marked, and what is queued for them is suppressed.</summary>
    private async Task MarkUnreachableAsync(Contact contact, string channel, CancellationToken cancellationToken)
    {
        var row = contact.Channel == channel
            ? contact
            : await contacts.GetOrCreateAsync(contact.OrganisationId, channel, contact.Address, null, cancellationToken);
        await contacts.SaveAsync(row with { OptedOut = true }, cancellationToken);
        await outbox.SuppressAsync([row.Id, contact.Id], cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Outbox message {Id} ({Kind}) dropped: {Reason}")]
        public static partial void Dropped(ILogger logger, long id, string kind, string reason);

        [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Outbox message {Id} on {Channel} failed unexpectedly")]
        public static partial void SendFailed(ILogger logger, long id, string channel, Exception exception);

        [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Outbox message {Id} left sending by a stopped sender; provider says sent: {Known}")]
        public static partial void Recovered(ILogger logger, long id, bool? known);
    }
}

/// <summary>This process as a sender: its id in the outbox, and whether its first run is still to come.</summary>
public sealed class DispatcherIdentity
{
    private int runs;

    public string Id { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    public bool FirstRun() => Interlocked.Increment(ref runs) == 1;
}
