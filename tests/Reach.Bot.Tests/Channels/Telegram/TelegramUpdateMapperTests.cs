using System.Text;
using System.Text.Json;
using Reach.Bot.Channels.Telegram;

namespace Reach.Bot.Tests.Channels.Telegram;

/// <summary>The example updates of the reference, read as the webhook reads them and mapped.</summary>
public sealed class TelegramUpdateMapperTests
{
    [Fact]
    public async Task A_text_message_maps_to_its_chat_text_and_language()
    {
        var update = await ReadAsync(TelegramPayloads.TextMessage);

        update.Message!.ShouldSatisfyAllConditions(
            m => m.MessageId.ShouldBe(42),
            m => m.Date.ShouldBe(1767261600),
            m => m.From.ShouldBe(new User(987654321, false, "Amina", "B.", "amina_b", "fr")));
        TelegramUpdateMapper.Map(update).ShouldBe(new TelegramInbound(734201001, "987654321", "/start", null, null, "fr", "Amina"));
    }

    [Fact]
    public async Task A_callback_query_maps_to_its_data_and_query_id()
    {
        var update = await ReadAsync(TelegramPayloads.CallbackQuery);

        var keyboard = update.CallbackQuery!.Message!.ReplyMarkup!.InlineKeyboard;
        keyboard.Select(row => row.Select(b => b.CallbackData)).ShouldBe([["lang:fr", "lang:nl"], ["lang:ar", "lang:uk"]]);
        keyboard[1][0].ShouldBe(new InlineKeyboardButton("العربية", "lang:ar"));
        update.CallbackQuery.ChatInstance.ShouldBe("-3752118293157843202");
        TelegramUpdateMapper.Map(update).ShouldBe(
            new TelegramInbound(734201002, "987654321", null, "lang:nl", "4382bfdwdsb323b2d9", "ar", "Amina"));
    }

    [Fact]
    public async Task The_old_official_samples_are_read_leniently()
    {
        var message = await ReadAsync(TelegramPayloads.OfficialTextMessage);
        var callback = await ReadAsync(TelegramPayloads.OfficialCallbackQuery);

        TelegramUpdateMapper.Map(message).ShouldBe(new TelegramInbound(10000, "1111111", "/start", null, null, null, "Test"));
        // No message: the chat is the sender's private chat.
        TelegramUpdateMapper.Map(callback).ShouldBe(
            new TelegramInbound(10000, "1111111", null, "Data from button callback", "4382bfdwdsb323b2d9", null, "Test Firstname"));
    }

    [Theory]
    [InlineData("""{"update_id":5,"edited_message":{"message_id":1,"date":1,"chat":{"id":9,"type":"private"},"text":"x"}}""")]
    [InlineData("""{"update_id":6,"my_chat_member":{"chat":{"id":9,"type":"private"}}}""")]
    [InlineData("""{"update_id":7,"message":{"message_id":1,"date":1,"chat":{"id":-100123,"type":"supergroup"},"text":"x"}}""")]
    [InlineData("""{"update_id":8,"callback_query":{"id":"q","from":{"id":9,"is_bot":false,"first_name":"A"},"message":{"message_id":1,"date":0,"chat":{"id":-5,"type":"group"}},"chat_instance":"1","data":"d"}}""")]
    public async Task Other_updates_and_group_chats_are_ignored(string json)
    {
        TelegramUpdateMapper.Map(await ReadAsync(json)).ShouldBeNull();
    }

    [Fact]
    public async Task A_body_that_is_not_an_update_is_refused()
    {
        await Should.ThrowAsync<JsonException>(() => ReadAsync("null"));
        await Should.ThrowAsync<JsonException>(() => ReadAsync("[1]"));
    }

    private static async Task<Update> ReadAsync(string json)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await TelegramWebhook.ReadUpdateAsync(body, TestContext.Current.CancellationToken);
    }
}
