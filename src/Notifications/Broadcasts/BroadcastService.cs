using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using NodaTime;
using Reach.Content.Storage;
using Reach.Notifications.Delivery;
using Reach.Notifications.Delivery.Sms;

namespace Reach.Notifications.Broadcasts;

/// <summary>
/// Broadcasts: preview (recipients per language and channel, the text in each language, SMS segments and cost),
/// then send now or at a chosen time, or cancel before it goes. Each recipient gets their own message, so nobody
/// sees anybody else; people who opted out are never in the audience.
/// </summary>
public sealed class BroadcastService(
    ReachDatabase database,
    IContentStore content,
    IEnumerable<IDeliveryChannel> channels,
    IOptionsMonitor<DeliveryOptions> deliveryOptions,
    TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<Recipient>> AudienceAsync(string organisationId, string audience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var source = (await content.GetPublishedAsync(organisationId, cancellationToken))?.Content.Organisation.SourceLanguage ?? "fr";
        string from;
        object parameters;
        if (audience.StartsWith("session:", StringComparison.Ordinal) || audience.StartsWith("waiting:", StringComparison.Ordinal))
        {
            var session = audience[(audience.IndexOf(':', StringComparison.Ordinal) + 1)..].Split('/', 2);
            if (session.Length != 2)
            {
                throw new ArgumentException($"'{audience}' should name a session as session:<activity>/<session>.", nameof(audience));
            }

            from = "signups s JOIN contacts c ON c.id = s.contact_id WHERE s.organisation_id = @organisationId AND s.activity_id = @activity AND s.session_id = @session AND s.status = @status";
            parameters = new { organisationId, activity = session[0], session = session[1], status = audience.StartsWith('s') ? "confirmed" : "waiting", source };
        }
        else if (audience == "news" || audience.StartsWith("group:", StringComparison.Ordinal))
        {
            from = "subscriptions s JOIN contacts c ON c.id = s.contact_id WHERE c.organisation_id = @organisationId AND s.topic = @audience";
            parameters = new { organisationId, audience, source };
        }
        else
        {
            throw new ArgumentException($"'{audience}' is not an audience; use session:<activity>/<session>, waiting:<activity>/<session>, group:<id> or news.", nameof(audience));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(long Id, string Channel, string Address, string Language, bool OptedOut)>(
            $"SELECT c.id, c.channel, c.address, COALESCE(c.language, @source), c.opted_out FROM {from} ORDER BY c.id", parameters)).ToList();
        var phones = (await connection.QueryAsync<(string Channel, string Address, bool OptedOut)>(
            "SELECT channel, address, opted_out FROM contacts WHERE organisation_id = @organisationId AND channel IN ('sms', 'whatsapp')", new { organisationId })).ToList();
        var optedOut = phones.Where(p => p.OptedOut).Select(p => p.Address).ToHashSet(StringComparer.Ordinal);
        var whatsApp = phones.Where(p => p.Channel == "whatsapp").Select(p => p.Address).ToHashSet(StringComparer.Ordinal);
        var configured = channels.Where(c => c.IsConfigured).Select(c => c.Channel).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var recipients = new List<Recipient>(rows.Count);
        foreach (var row in rows)
        {
            var phone = row.Channel is "sms" or "whatsapp";
            if (row.OptedOut || (phone && optedOut.Contains(row.Address)) || row.Channel is not ("sms" or "whatsapp" or "telegram")
                || !seen.Add(phone ? "phone:" + row.Address : row.Channel + ":" + row.Address))
            {
                continue;
            }

            string[] routes = row.Channel == "telegram" ? ["telegram"] : whatsApp.Contains(row.Address) ? ["whatsapp", "sms"] : ["sms"];
            recipients.Add(new Recipient(row.Id, routes.FirstOrDefault(configured.Contains) ?? routes[0], row.Language));
        }

        return recipients;
    }

    public async Task<BroadcastPreview> PreviewAsync(BroadcastDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Preview(draft, await AudienceAsync(draft.OrganisationId, draft.Audience, cancellationToken));
    }

    /// <summary>Sends the broadcast at <paramref name="sendAt"/> (now when null). Refused while a language has no text and staff did not choose the source text.</summary>
    public async Task<BroadcastResult> ScheduleAsync(BroadcastDraft draft, Instant? sendAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!draft.Texts.TryGetValue(draft.SourceLanguage, out var sourceText) || string.IsNullOrWhiteSpace(sourceText))
        {
            return new BroadcastResult(null, null, $"Write the message in the source language ({draft.SourceLanguage}) first.");
        }

        var recipients = await AudienceAsync(draft.OrganisationId, draft.Audience, cancellationToken);
        var preview = Preview(draft, recipients);
        if (preview.MissingLanguages.Count > 0)
        {
            return new BroadcastResult(null, preview, $"No text in {string.Join(", ", preview.MissingLanguages)}: write it, or choose to send the {draft.SourceLanguage} text to them.");
        }

        if (recipients.Count == 0)
        {
            return new BroadcastResult(null, preview, "Nobody is in this audience (or everyone in it opted out).");
        }

        var now = timeProvider.GetUtcNow();
        var due = sendAt is { } at && at.ToDateTimeOffset() > now ? at.ToDateTimeOffset() : now;
        var texts = preview.Languages.ToDictionary(l => l.Language, l => l.Text!, StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await ReachDatabase.BeginWriteAsync(connection, cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO broadcasts (organisation_id, author, audience, source_language, texts, send_ms, state, recipients, created_at, updated_at)
            VALUES (@OrganisationId, @Author, @Audience, @SourceLanguage, @texts, @sendMs, 'scheduled', @count, @now, @now)
            RETURNING id
            """,
            new { draft.OrganisationId, draft.Author, draft.Audience, draft.SourceLanguage, texts = JsonSerializer.Serialize(draft.Texts), sendMs = due.ToUnixTimeMilliseconds(), count = recipients.Count, now },
            transaction);
        var subject = $"broadcast:{id}";
        var messages = recipients
            .Select(r => new PlannedMessage($"{subject}:c{r.ContactId}", draft.OrganisationId, r.ContactId, "broadcast", subject, "send", r.Language, due.ToUnixTimeMilliseconds()) { Text = texts[r.Language] })
            .ToList();
        await OutboxStore.PlanAsync(connection, transaction, database.Dialect, messages, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BroadcastResult(id, preview, null);
    }

    /// <summary>A broadcast as staff see it afterwards, or null.</summary>
    public async Task<BroadcastInfo?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<BroadcastInfo>(
            """
            SELECT id AS Id, organisation_id AS OrganisationId, author AS Author, audience AS Audience, source_language AS SourceLanguage,
                texts AS Texts, send_ms AS SendMs, state AS State, recipients AS Recipients
            FROM broadcasts WHERE id = @id
            """,
            new { id });
    }

    /// <summary>Cancels what has not gone yet; returns how many messages were stopped.</summary>
    public async Task<int> CancelAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE broadcasts SET state = 'cancelled', updated_at = @now WHERE id = @id AND state = 'scheduled'", new { id, now = timeProvider.GetUtcNow() });
        return await connection.ExecuteAsync(
            "UPDATE outbox SET state = 'cancelled', reason = 'the broadcast was cancelled', updated_at = @now WHERE subject = @subject AND state = 'planned'",
            new { subject = $"broadcast:{id}", now = timeProvider.GetUtcNow() });
    }

    private BroadcastPreview Preview(BroadcastDraft draft, IReadOnlyList<Recipient> recipients)
    {
        var options = deliveryOptions.CurrentValue;
        var languages = new List<BroadcastLanguage>();
        var segments = 0;
        foreach (var group in recipients.GroupBy(r => r.Language).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var own = draft.Texts.TryGetValue(group.Key, out var t) && !string.IsNullOrWhiteSpace(t) ? t : null;
            var text = own ?? (draft.SendSourceWhereMissing ? draft.Texts.GetValueOrDefault(draft.SourceLanguage) : null);
            var perSms = text is null ? 0 : SmsSegments.Count(text);
            var perChannel = group.GroupBy(r => r.Channel).ToDictionary(c => c.Key, c => c.Count(), StringComparer.Ordinal);
            segments += perSms * perChannel.GetValueOrDefault("sms");
            languages.Add(new BroadcastLanguage(group.Key, group.Count(), perChannel, text, text is null, own is null && text is not null, perSms));
        }

        var channelCounts = recipients.GroupBy(r => r.Channel).ToDictionary(c => c.Key, c => c.Count(), StringComparer.Ordinal);
        return new BroadcastPreview(recipients.Count, languages, channelCounts, segments, segments * options.SmsPricePerSegment, options.Currency);
    }
}
