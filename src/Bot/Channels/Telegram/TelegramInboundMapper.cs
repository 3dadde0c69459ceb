using NodaTime;
using Reach.Bot.Conversations;

namespace Reach.Bot.Channels.Telegram;

/// <summary>From a Telegram update to the conversation engine's message.</summary>
internal static class TelegramInboundMapper
{
    public static IncomingMessage ToIncoming(TelegramInbound inbound, Instant at) =>
        new("telegram", inbound.ChatId, inbound.CallbackData is null ? inbound.Text : null, inbound.CallbackData, at)
        {
            LanguageHint = inbound.LanguageCode is { Length: >= 2 } code ? code[..2] : null,
            FirstName = inbound.FirstName,
        };
}
