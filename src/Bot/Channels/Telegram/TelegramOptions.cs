using System.ComponentModel.DataAnnotations;

namespace Reach.Bot.Channels.Telegram;

/// <summary>The Telegram channel, bound from section <c>Telegram</c>. An empty <see cref="BotToken"/> turns the channel off.</summary>
public sealed class TelegramOptions : IValidatableObject
{
    public const string Section = "Telegram";

    /// <summary>The bot token from BotFather (<c>123456:ABC-DEF…</c>). A secret: never logged. Empty (the default) turns the channel off.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The Bot API server. Default <c>https://api.telegram.org</c>; tests point it at a fake server.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.telegram.org");

    /// <summary>
    /// The value Telegram sends in <c>X-Telegram-Bot-Api-Secret-Token</c>: 1-256 characters of A-Z, a-z, 0-9, <c>_</c> and <c>-</c>.
    /// Required in <see cref="TelegramMode.Webhook"/> mode.
    /// </summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Webhook or long polling. Default <see cref="TelegramMode.Polling"/>.</summary>
    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>The long-polling <c>timeout</c> of <c>getUpdates</c>, 1 s to 60 s (under HttpClient's 100 s default). Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan PollingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest message part in UTF-16 code units, 2 to 4096 (the Bot API's limit). Default 4096.</summary>
    [Range(2, 4096)]
    public int MaxMessageLength { get; set; } = 4096;

    /// <summary>True when a token is configured.</summary>
    public bool Enabled => BotToken.Length > 0;

    /// <summary>The rules between fields; the generated validator calls this after the attributes.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!IsTokenShaped(BotToken))
        {
            // The token itself is never echoed.
            yield return new ValidationResult("The bot token must look like <digits>:<letters, digits, _ or ->.", [nameof(BotToken)]);
        }

        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("The Bot API URL must be an absolute http or https URL.", [nameof(BaseUrl)]);
        }

        if (Mode == TelegramMode.Webhook && WebhookSecret.Length == 0)
        {
            yield return new ValidationResult("A webhook secret is required in Webhook mode.", [nameof(WebhookSecret)]);
        }
        else if (WebhookSecret.Length > 0 && !IsValidSecret(WebhookSecret))
        {
            yield return new ValidationResult("The webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -.", [nameof(WebhookSecret)]);
        }
    }

    /// <summary>The Bot API's rule for <c>secret_token</c> (setWebhook).</summary>
    internal static bool IsValidSecret(string secret) =>
        secret.Length is >= 1 and <= 256 && secret.All(IsBase64UrlChar);

    private static bool IsTokenShaped(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && colon < token.Length - 1
            && token.AsSpan(0, colon).ContainsAnyExceptInRange('0', '9') is false
            && token[(colon + 1)..].All(IsBase64UrlChar);
    }

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
