namespace Reach.Bot.Channels.Telegram;

/// <summary>
/// An inline button that sends <see cref="CallbackData"/> back to the bot. The Bot API allows 1-64 <b>bytes</b> of UTF-8 there,
/// so keep it to ASCII ids such as <c>rdv:confirm:42</c>; the client rejects longer data before sending.
/// </summary>
public sealed record InlineKeyboardButton(string Text, string? CallbackData = null);
