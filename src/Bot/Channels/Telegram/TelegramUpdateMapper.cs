using System.Globalization;

namespace Reach.Bot.Channels.Telegram;

/// <summary>Maps a Telegram <see cref="Update"/> to a <see cref="TelegramInbound"/>.</summary>
public static class TelegramUpdateMapper
{
    /// <summary>
    /// The inbound message, or null for anything Reach does not handle: other update kinds, and messages or button presses
    /// in groups and channels (Reach talks to one person at a time, and must not answer personal questions in a group).
    /// </summary>
    public static TelegramInbound? Map(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Message is { Chat: { } chat } message)
        {
            return IsPrivate(chat)
                ? new TelegramInbound(update.UpdateId, ChatId(chat.Id), message.Text, null, null, message.From?.LanguageCode, message.From?.FirstName)
                : null;
        }

        if (update.CallbackQuery is { From: { } from } callback)
        {
            // A button on an inline-mode message has no chat; in a private chat the chat id is the user id.
            var callbackChat = callback.Message?.Chat;
            return callbackChat is null || IsPrivate(callbackChat)
                ? new TelegramInbound(update.UpdateId, ChatId(callbackChat?.Id ?? from.Id), null, callback.Data, callback.Id, from.LanguageCode, from.FirstName)
                : null;
        }

        return null;
    }

    // The official samples predate chat.type; a chat without one is taken as private.
    private static bool IsPrivate(Chat chat) => chat.Type is null or "private";

    private static string ChatId(long id) => id.ToString(CultureInfo.InvariantCulture);
}
