using Reach.Bot.Channels.Telegram;

namespace Reach.Bot.Tests.Channels.Telegram;

public sealed class TelegramWebhookTests
{
    [Theory]
    [InlineData("s3cret_-X", "s3cret_-X", true)]
    [InlineData("s3cret_-Y", "s3cret_-X", false)]
    [InlineData("s3cret_-X ", "s3cret_-X", false)]
    [InlineData("S3CRET_-X", "s3cret_-X", false)]
    [InlineData(null, "s3cret_-X", false)]
    [InlineData("", "s3cret_-X", false)]
    [InlineData("", "", false)]
    [InlineData("anything", "", false)]
    public void Only_the_configured_secret_is_authorized(string? header, string configured, bool authorized)
    {
        TelegramWebhook.IsAuthorized(header, configured).ShouldBe(authorized);
    }

    [Fact]
    public void The_header_is_telegrams()
    {
        TelegramWebhook.SecretHeader.ShouldBe("X-Telegram-Bot-Api-Secret-Token");
    }
}
