namespace Reach.Bot.Channels.Telegram;

/// <summary>
/// A Bot API <c>Update</c>, reduced to the two kinds Reach handles; every other kind
/// (edited_message, my_chat_member, …) deserialises with both left null and is ignored.
/// </summary>
public sealed record Update(long UpdateId, Message? Message = null, CallbackQuery? CallbackQuery = null);
