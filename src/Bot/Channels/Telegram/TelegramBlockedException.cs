namespace Reach.Bot.Channels.Telegram;

/// <summary>
/// A 403 <c>Forbidden</c>: the person blocked the bot (<c>Forbidden: bot was blocked by the user</c>), deleted their account
/// (<c>user is deactivated</c>), never pressed Start, or the bot left the chat. Permanent: mark the person unreachable
/// on Telegram and do not retry; <see cref="TelegramApiException.Description"/> says which.
/// </summary>
public sealed class TelegramBlockedException(string method, string description)
    : TelegramApiException(method, 403, description, null)
{
    /// <summary>The exact description the Bot API server gives when the person blocked the bot.</summary>
    public const string BlockedByUser = "Forbidden: bot was blocked by the user";

    /// <summary>True for the block itself, as opposed to a deactivated account or a chat the bot left.</summary>
    public bool IsBlockedByUser => string.Equals(Description, BlockedByUser, StringComparison.Ordinal);
}
