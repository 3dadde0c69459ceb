using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Reach.Bot.Channels.Telegram;

/// <summary>Checks that a webhook request comes from Telegram: the secret set with <c>setWebhook</c> is in its header.</summary>
public static class TelegramWebhook
{
    /// <summary>The header Telegram puts the secret token in.</summary>
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>
    /// True only when <paramref name="headerValue"/> equals <paramref name="expectedSecret"/>, compared in constant time;
    /// false when the header is missing or empty, and when no secret is configured (an open webhook is never accepted).
    /// </summary>
    public static bool IsAuthorized(string? headerValue, string expectedSecret)
    {
        if (string.IsNullOrEmpty(headerValue) || string.IsNullOrEmpty(expectedSecret))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(headerValue), Encoding.UTF8.GetBytes(expectedSecret));
    }

    /// <summary>
    /// Reads the posted <see cref="Update"/> (lenient: unknown fields are skipped, missing ones left default).
    /// Throws <see cref="JsonException"/> for a body that is not an update.
    /// </summary>
    public static async ValueTask<Update> ReadUpdateAsync(Stream body, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync(body, TelegramJsonContext.Api.Update, cancellationToken)
        ?? throw new JsonException("The webhook body is JSON null, not an update.");
}
