using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reach.Bot.Channels.Telegram;

/// <summary>
/// A thin typed client for the Bot API calls Reach makes, JSON over POST to <c>{BaseUrl}/bot{token}/{method}</c>.
/// Nothing is retried here: failures throw <see cref="TelegramApiException"/> (<see cref="TelegramBlockedException"/>
/// for 403), and <see cref="TelegramFloodWait"/> repeats a call once after a 429. The token is in every request URI,
/// so the HttpClient must not log URIs (register it with <c>RemoveAllLoggers()</c>).
/// </summary>
public sealed partial class TelegramClient(HttpClient httpClient, IOptions<TelegramOptions> options, ILogger<TelegramClient> logger)
{
    private const int MaxCallbackDataBytes = 64;

    /// <summary>Only the update kinds Reach handles are asked for.</summary>
    private static readonly string[] AllowedUpdates = ["message", "callback_query"];

    private readonly Uri methods = MethodsUri(options.Value);

    /// <summary>Sends HTML-formatted <paramref name="text"/> (escape it with <see cref="TelegramText.Escape"/>) with optional inline buttons.</summary>
    public Task<Message> SendMessageAsync(long chatId, string text, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (keyboard is not null)
        {
            CheckCallbackData(keyboard);
        }

        return CallAsync(
            "sendMessage",
            new SendMessageRequest(chatId, text, "HTML", keyboard),
            TelegramJsonContext.Api.SendMessageRequest,
            TelegramJsonContext.Api.TelegramResponseMessage,
            cancellationToken);
    }

    /// <summary>Stops the button's progress bar; <paramref name="text"/>, when given, shows as a short notice.</summary>
    public Task<bool> AnswerCallbackQueryAsync(string callbackQueryId, string? text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(callbackQueryId);
        return CallAsync(
            "answerCallbackQuery",
            new AnswerCallbackQueryRequest(callbackQueryId, text),
            TelegramJsonContext.Api.AnswerCallbackQueryRequest,
            TelegramJsonContext.Api.TelegramResponseBoolean,
            cancellationToken);
    }

    /// <summary>
    /// Long-polls for updates with an id of at least <paramref name="offset"/>, which also confirms every earlier one.
    /// Fails with 409 while a webhook is set.
    /// </summary>
    public Task<IReadOnlyList<Update>> GetUpdatesAsync(long? offset, TimeSpan timeout, CancellationToken cancellationToken) =>
        CallAsync(
            "getUpdates",
            new GetUpdatesRequest(offset, (int)timeout.TotalSeconds, AllowedUpdates),
            TelegramJsonContext.Api.GetUpdatesRequest,
            TelegramJsonContext.Api.TelegramResponseIReadOnlyListUpdate,
            cancellationToken);

    /// <summary>Asks Telegram to post updates to <paramref name="url"/> with <paramref name="secret"/> in the secret header.</summary>
    public Task<bool> SetWebhookAsync(Uri url, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!TelegramOptions.IsValidSecret(secret))
        {
            throw new ArgumentException("The secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -.", nameof(secret));
        }

        return CallAsync(
            "setWebhook",
            new SetWebhookRequest(url.AbsoluteUri, secret, AllowedUpdates),
            TelegramJsonContext.Api.SetWebhookRequest,
            TelegramJsonContext.Api.TelegramResponseBoolean,
            cancellationToken);
    }

    /// <summary>Removes the webhook, which polling needs first; pending updates are kept.</summary>
    public Task<bool> DeleteWebhookAsync(CancellationToken cancellationToken) =>
        CallAsync(
            "deleteWebhook",
            new DeleteWebhookRequest(DropPendingUpdates: false),
            TelegramJsonContext.Api.DeleteWebhookRequest,
            TelegramJsonContext.Api.TelegramResponseBoolean,
            cancellationToken);

    private static Uri MethodsUri(TelegramOptions options)
    {
        // Built as text: a relative "bot123:abc/" would parse as a URI with scheme "bot123".
        var root = options.BaseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/bot{options.BotToken}/", UriKind.Absolute);
    }

    private static void CheckCallbackData(InlineKeyboardMarkup keyboard)
    {
        foreach (var button in keyboard.InlineKeyboard.SelectMany(row => row))
        {
            var bytes = button.CallbackData is null ? 0 : Encoding.UTF8.GetByteCount(button.CallbackData);
            if (bytes is 0 or > MaxCallbackDataBytes)
            {
                throw new ArgumentException($"Every button needs callback_data of 1-{MaxCallbackDataBytes} UTF-8 bytes; one has {bytes}.", nameof(keyboard));
            }
        }
    }

    private async Task<TResult> CallAsync<TRequest, TResult>(
        string method,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TelegramResponse<TResult>> responseType,
        CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(request, requestType);
        using var response = await httpClient.PostAsync(new Uri(methods, method), content, cancellationToken);

        TelegramResponse<TResult>? envelope = null;
        try
        {
            envelope = await response.Content.ReadFromJsonAsync(responseType, cancellationToken);
        }
        catch (JsonException) when (!response.IsSuccessStatusCode)
        {
            // A proxy's HTML error page, say: the status alone describes the failure below.
        }

        if (response.IsSuccessStatusCode && envelope is { Ok: true, Result: { } result })
        {
            return result;
        }

        var code = envelope?.ErrorCode ?? (int)response.StatusCode;
        var description = envelope?.Description ?? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        var retryAfter = envelope?.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        if (retryAfter is { } wait)
        {
            Log.FloodControlled(logger, method, (int)wait.TotalSeconds);
        }
        else
        {
            Log.CallFailed(logger, method, code);
        }

        throw code == 403
            ? new TelegramBlockedException(method, description)
            : new TelegramApiException(method, code, description, retryAfter);
    }

    private static partial class Log
    {
        // The description is left out: it can quote parts of the message text ("can't parse entities: …").
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Telegram {Method} failed with {ErrorCode}")]
        public static partial void CallFailed(ILogger logger, string method, int errorCode);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Telegram {Method} hit flood control: retry after {RetryAfterSeconds} s")]
        public static partial void FloodControlled(ILogger logger, string method, int retryAfterSeconds);
    }
}
