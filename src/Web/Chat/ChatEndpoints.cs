using System.Text.Json.Serialization;
using NodaTime;
using Reach.Bot.Conversations;

namespace Reach.Web.Chat;

/// <summary>
/// The web chat: <c>GET /chat</c> serves the page, <c>POST /chat/messages</c> sends one message of a
/// browser session to the same conversation engine as the other channels and returns the replies.
/// </summary>
internal static class ChatEndpoints
{
    public const string Channel = "web";

    public static void MapChat(this WebApplication app)
    {
        app.MapGet("/chat", () => Results.Content(ChatPage.Html, "text/html; charset=utf-8"));
        app.MapPost("/chat/messages", async (ChatRequest request, ConversationEngine engine, TimeProvider time, CancellationToken cancellationToken) =>
        {
            if (!Guid.TryParse(request.Session, out var session))
            {
                return Results.BadRequest(new { error = "session must be a UUID made by the page" });
            }

            var text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text;
            if (text is null && string.IsNullOrWhiteSpace(request.Choice))
            {
                return Results.BadRequest(new { error = "send a text or a choice" });
            }

            var message = new IncomingMessage(Channel, session.ToString("N"), text, request.Choice, Instant.FromDateTimeOffset(time.GetUtcNow()))
            {
                LanguageHint = request.Language,
            };
            var replies = await engine.HandleAsync(message, cancellationToken);
            return Results.Ok(replies.Select(r => new ChatReply(r.Text, r.Language, r.RightToLeft, r.Choices.Select(c => new ChatChoice(c.Id, c.Label)).ToList())));
        });
    }

    internal sealed record ChatRequest(
        [property: JsonPropertyName("session")] string? Session,
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("choice")] string? Choice,
        [property: JsonPropertyName("language")] string? Language);

    internal sealed record ChatReply(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("language")] string Language,
        [property: JsonPropertyName("rtl")] bool RightToLeft,
        [property: JsonPropertyName("choices")] IReadOnlyList<ChatChoice> Choices);

    internal sealed record ChatChoice(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("label")] string Label);
}
