using Reach.Bot.Channels.Telegram;

namespace Reach.Bot.Tests.Channels.Telegram;

public sealed class TelegramOptionsTests
{
    private const string Token = "123456:AAFakeTokenForTests_only-0";

    [Fact]
    public void The_defaults_are_valid_and_the_channel_off()
    {
        var options = new TelegramOptions();

        Validate(options).ShouldBeEmpty();
        options.Enabled.ShouldBeFalse();
        (options.BaseUrl, options.Mode, options.PollingTimeout, options.MaxMessageLength).ShouldBe(
            (new Uri("https://api.telegram.org"), TelegramMode.Polling, TimeSpan.FromSeconds(30), 4096));
    }

    [Fact]
    public void A_token_turns_the_channel_on()
    {
        var options = new TelegramOptions { BotToken = Token };

        Validate(options).ShouldBeEmpty();
        options.Enabled.ShouldBeTrue();
    }

    [Fact]
    public void Webhook_mode_needs_a_valid_secret()
    {
        Validate(new TelegramOptions { BotToken = Token, Mode = TelegramMode.Webhook })
            .ShouldBe(["WebhookSecret: A webhook secret is required in Webhook mode."]);
        Validate(new TelegramOptions { BotToken = Token, Mode = TelegramMode.Webhook, WebhookSecret = "with space" })
            .ShouldBe(["WebhookSecret: The webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -."]);
        Validate(new TelegramOptions { BotToken = Token, Mode = TelegramMode.Webhook, WebhookSecret = new string('a', 257) })
            .ShouldBe(["WebhookSecret: The webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -."]);
        Validate(new TelegramOptions { BotToken = Token, Mode = TelegramMode.Webhook, WebhookSecret = "s3cret_-X" }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("12ab:xyz")]
    [InlineData("123456:")]
    [InlineData("123456:abc def")]
    public void A_malformed_token_is_refused_without_echoing_it(string token)
    {
        Validate(new TelegramOptions { BotToken = token })
            .ShouldBe(["BotToken: The bot token must look like <digits>:<letters, digits, _ or ->."]);
    }

    [Fact]
    public void Ranges_are_checked()
    {
        var failures = Validate(new TelegramOptions
        {
            PollingTimeout = TimeSpan.FromSeconds(61),
            MaxMessageLength = 4097,
        });

        failures.Count.ShouldBe(2);
        failures.ShouldContain(f => f.Contains("PollingTimeout", StringComparison.Ordinal));
        failures.ShouldContain(f => f.Contains("MaxMessageLength", StringComparison.Ordinal));
    }

    private static List<string> Validate(TelegramOptions options) =>
        [.. new ValidateTelegramOptions().Validate(null, options).Failures ?? []];
}
