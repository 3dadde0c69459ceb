namespace Reach.Bot.Channels.Telegram;

/// <summary>A Bot API <c>User</c>. <see cref="LanguageCode"/> is the Telegram app's UI language: a default only, never a choice.</summary>
public sealed record User(
    long Id,
    bool IsBot,
    string FirstName,
    string? LastName = null,
    string? Username = null,
    string? LanguageCode = null);
