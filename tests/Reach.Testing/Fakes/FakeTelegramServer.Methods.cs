using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Reach.Testing.Fakes.FakeTelegramEnvelope;

namespace Reach.Testing.Fakes;

/// <summary>The Bot API methods the fake implements.</summary>
public sealed partial class FakeTelegramServer
{
    private async Task<(int Status, string Json)> DispatchAsync(string method, JsonNode? body) => method switch
    {
        "sendmessage" => SendMessage(body),
        "answercallbackquery" => (200, Ok(w => w.WriteBooleanValue(true))),
        "getupdates" => await GetUpdatesAsync(body),
        "setwebhook" => SetWebhook(body),
        "deletewebhook" => DeleteWebhook(),
        _ => (404, Error(404, "Not Found: method not found")),
    };

    private (int Status, string Json) SendMessage(JsonNode? body)
    {
        lock (gate)
        {
            if (sendFailures.TryDequeue(out var failure))
            {
                return failure;
            }
        }

        var chatId = body?["chat_id"];
        var sent = body?["text"]?.GetValue<string>() ?? "";
        // The server counts the text after entity parsing: tags dropped, entities decoded.
        var text = body?["parse_mode"]?.GetValue<string>() == "HTML" ? WebUtility.HtmlDecode(Tag().Replace(sent, "")) : sent;
        if (chatId is null)
        {
            return (400, Error(400, "Bad Request: chat not found"));
        }

        if (text.Trim().Length == 0)
        {
            return (400, Error(400, "Bad Request: message text is empty"));
        }

        if (text.Length > 4096)
        {
            return (400, Error(400, "Bad Request: message is too long"));
        }

        var messageId = Interlocked.Increment(ref lastMessageId);
        var replyMarkup = body?["reply_markup"];
        return (200, Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("message_id", messageId);
            w.WriteStartObject("from");
            w.WriteNumber("id", BotId);
            w.WriteBoolean("is_bot", true);
            w.WriteString("first_name", "Reach Test");
            w.WriteString("username", "reach_test_bot");
            w.WriteEndObject();
            w.WritePropertyName("chat");
            w.WriteStartObject();
            w.WritePropertyName("id");
            chatId.WriteTo(w);
            w.WriteString("type", "private");
            w.WriteEndObject();
            w.WriteNumber("date", timeProvider.GetUtcNow().ToUnixTimeSeconds());
            w.WriteString("text", text);
            if (replyMarkup is not null)
            {
                w.WritePropertyName("reply_markup");
                replyMarkup.WriteTo(w);
            }

            w.WriteEndObject();
        }));
    }

    private async Task<(int Status, string Json)> GetUpdatesAsync(JsonNode? body)
    {
        if (WebhookUrl is not null)
        {
            return (409, Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
        }

        var offset = body?["offset"]?.GetValue<long>();
        var timeout = TimeSpan.FromSeconds(body?["timeout"]?.GetValue<int>() ?? 0);
        var wait = timeout < LongPollCap ? timeout : LongPollCap;
        var updates = Confirm(offset, out var arrival);
        if (updates.Count == 0 && wait > TimeSpan.Zero)
        {
            try
            {
                await arrival.WaitAsync(wait, stopping.Token);
            }
            catch (TimeoutException)
            {
                // Nothing arrived: an empty result, as the real server gives.
            }

            updates = Confirm(offset, out _);
        }

        return (200, Ok(w =>
        {
            w.WriteStartArray();
            foreach (var update in updates)
            {
                w.WriteRawValue(update);
            }

            w.WriteEndArray();
        }));
    }

    /// <summary>Forgets the updates the offset confirms and returns the rest, with a task that completes on the next arrival.</summary>
    private List<string> Confirm(long? offset, out Task arrival)
    {
        lock (gate)
        {
            if (offset < 0)
            {
                // "-N": keep the last N updates, forget the earlier ones.
                pending.RemoveRange(0, Math.Max(0, pending.Count + (int)offset.Value));
            }
            else if (offset is { } first)
            {
                pending.RemoveAll(u => u.Id < first);
            }

            arrival = updateArrived.Task;
            return [.. pending.Select(u => u.Json)];
        }
    }

    private (int Status, string Json) SetWebhook(JsonNode? body)
    {
        var url = body?["url"]?.GetValue<string>() ?? "";
        var secret = body?["secret_token"]?.GetValue<string>();
        if (url.Length == 0)
        {
            return DeleteWebhook();
        }

        if (!url.StartsWith("https://", StringComparison.Ordinal))
        {
            return (400, Error(400, "Bad Request: invalid webhook URL specified"));
        }

        if (secret?.Length > 256)
        {
            return (400, Error(400, "Bad Request: secret token is too long"));
        }

        if (secret is not null && !SecretToken().IsMatch(secret))
        {
            return (400, Error(400, "Bad Request: secret token contains unallowed characters"));
        }

        WebhookUrl = url;
        WebhookSecret = secret;
        // Success descriptions as the live server words them (not in the reference): "Webhook was set", "Webhook was deleted".
        return (200, Ok(w => w.WriteBooleanValue(true), "Webhook was set"));
    }

    private (int Status, string Json) DeleteWebhook()
    {
        var description = WebhookUrl is null ? "Webhook is already deleted" : "Webhook was deleted";
        WebhookUrl = null;
        WebhookSecret = null;
        return (200, Ok(w => w.WriteBooleanValue(true), description));
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretToken();
}
