using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reach.Bot.Channels.Telegram;

/// <summary>Source-generated JSON for the Bot API types, snake_case, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Update))]
[JsonSerializable(typeof(TelegramResponse<Message>))]
[JsonSerializable(typeof(TelegramResponse<bool>))]
[JsonSerializable(typeof(TelegramResponse<IReadOnlyList<Update>>))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(AnswerCallbackQueryRequest))]
[JsonSerializable(typeof(GetUpdatesRequest))]
[JsonSerializable(typeof(SetWebhookRequest))]
[JsonSerializable(typeof(DeleteWebhookRequest))]
internal sealed partial class TelegramJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The same contracts, writing non-ASCII text and <c>&lt; &gt; &amp;</c> as they are rather than as <c>\uXXXX</c>:
    /// the JSON goes only to the Bot API, never into a web page, and the HTML <c>text</c> stays readable in recorded requests.
    /// </summary>
    public static TelegramJsonContext Api { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
