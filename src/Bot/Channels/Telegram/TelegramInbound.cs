namespace Reach.Bot.Channels.Telegram;

/// <summary>
/// One thing a person did on Telegram, without Telegram's types: a text message (<see cref="Text"/>, possibly null for a
/// photo or sticker) or a button press (<see cref="CallbackData"/> and <see cref="CallbackQueryId"/>, which must be answered).
/// </summary>
/// <param name="UpdateId">Telegram's update id, for de-duplication (ids are not continuous after a quiet week).</param>
/// <param name="ChatId">The private chat to answer in, as invariant digits.</param>
/// <param name="Text">The message text, as typed.</param>
/// <param name="CallbackData">The pressed button's data, e.g. <c>lang:nl</c>.</param>
/// <param name="CallbackQueryId">The id to pass to <c>answerCallbackQuery</c>.</param>
/// <param name="LanguageCode">The Telegram app's UI language (IETF tag such as <c>fr</c> or <c>pt-br</c>): a default only.</param>
/// <param name="FirstName">The sender's first name as set in Telegram.</param>
public sealed record TelegramInbound(
    long UpdateId,
    string ChatId,
    string? Text,
    string? CallbackData,
    string? CallbackQueryId,
    string? LanguageCode,
    string? FirstName);
