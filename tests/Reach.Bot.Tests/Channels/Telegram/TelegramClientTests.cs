using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reach.Bot.Channels.Telegram;
using Reach.Testing.Fakes;

namespace Reach.Bot.Tests.Channels.Telegram;

/// <summary>The Bot API client against the fake Telegram server: exact request bodies, envelopes and errors.</summary>
public sealed class TelegramClientTests : IAsyncDisposable
{
    private const string AllowedUpdates = "\"allowed_updates\":[\"message\",\"callback_query\"]";

    private readonly FakeTelegramServer server = FakeTelegramServer.Start();
    private readonly HttpClient http = new();
    private readonly ListLogger<TelegramClient> log = new();
    private readonly ListLogger<TelegramFloodWait> floodLog = new();
    private readonly DelayRecordingTimeProvider clock = new();
    private readonly TelegramClient client;
    private readonly TelegramFloodWait flood;

    public TelegramClientTests()
    {
        client = ClientWithToken(server.Token);
        flood = new TelegramFloodWait(clock, floodLog);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_message_with_inline_buttons_is_posted_as_the_reference_body()
    {
        var keyboard = new InlineKeyboardMarkup([[new("Je confirme", "rdv:confirm:42"), new("Annuler", "rdv:cancel:42")]]);

        var sent = await client.SendMessageAsync(987654321, "<b>Rappel</b> : rendez-vous demain à 10h00.", keyboard, Ct);

        server.Requests.ShouldBe([new RecordedTelegramRequest(
            "POST",
            $"/bot{FakeTelegramServer.DefaultToken}/sendMessage",
            "sendMessage",
            """{"chat_id":987654321,"text":"<b>Rappel</b> : rendez-vous demain à 10h00.","parse_mode":"HTML","reply_markup":{"inline_keyboard":[[{"text":"Je confirme","callback_data":"rdv:confirm:42"},{"text":"Annuler","callback_data":"rdv:cancel:42"}]]}}""")]);
        sent.MessageId.ShouldBe(101);
        sent.Chat.ShouldBe(new Chat(987654321, "private"));
        sent.From.ShouldBe(new User(123456, true, "Reach Test", Username: "reach_test_bot"));
        sent.Text.ShouldBe("Rappel : rendez-vous demain à 10h00.");
        sent.ReplyMarkup!.InlineKeyboard.Single().ShouldBe([new("Je confirme", "rdv:confirm:42"), new("Annuler", "rdv:cancel:42")]);
    }

    [Fact]
    public async Task A_message_without_buttons_leaves_reply_markup_out()
    {
        await client.SendMessageAsync(42, "Bonjour &amp; bienvenue", null, Ct);

        server.RequestsTo("sendMessage").Single().Body.ShouldBe("""{"chat_id":42,"text":"Bonjour &amp; bienvenue","parse_mode":"HTML"}""");
    }

    [Fact]
    public async Task Flood_control_is_waited_out_and_the_message_sent_once_more()
    {
        server.FailNextSendMessageWithRetryAfter(35);

        var sent = await flood.ExecuteAsync(c => client.SendMessageAsync(42, "Rappel", null, c), Ct);

        clock.Delays.ShouldBe([TimeSpan.FromSeconds(35)]);
        server.RequestsTo("sendMessage").Select(r => r.Body).ShouldBe(
            [
                """{"chat_id":42,"text":"Rappel","parse_mode":"HTML"}""",
                """{"chat_id":42,"text":"Rappel","parse_mode":"HTML"}""",
            ]);
        sent.Text.ShouldBe("Rappel");
        floodLog.Entries.ShouldBe([(LogLevel.Warning, "Telegram flood control on sendMessage: waiting 35 s, then trying once more")]);
    }

    [Fact]
    public async Task Flood_control_twice_in_a_row_fails_after_one_retry()
    {
        server.FailNextSendMessageWithRetryAfter(7);
        server.FailNextSendMessageWithRetryAfter(9);

        var failure = await Should.ThrowAsync<TelegramApiException>(() => flood.ExecuteAsync(c => client.SendMessageAsync(42, "Rappel", null, c), Ct));

        failure.ErrorCode.ShouldBe(429);
        failure.Description.ShouldBe("Too Many Requests: retry after 9");
        failure.RetryAfter.ShouldBe(TimeSpan.FromSeconds(9));
        clock.Delays.ShouldBe([TimeSpan.FromSeconds(7)]);
        server.RequestsTo("sendMessage").Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_blocked_bot_gets_the_blocked_exception_and_no_retry()
    {
        server.FailNextSendMessageWithBlocked();

        var failure = await Should.ThrowAsync<TelegramBlockedException>(() => flood.ExecuteAsync(c => client.SendMessageAsync(42, "Rappel", null, c), Ct));

        failure.ErrorCode.ShouldBe(403);
        failure.Description.ShouldBe("Forbidden: bot was blocked by the user");
        failure.IsBlockedByUser.ShouldBeTrue();
        failure.RetryAfter.ShouldBeNull();
        failure.Message.ShouldBe("Telegram sendMessage failed: 403 Forbidden: bot was blocked by the user");
        clock.Delays.ShouldBeEmpty();
        server.RequestsTo("sendMessage").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Other_errors_are_not_retried()
    {
        var failure = await Should.ThrowAsync<TelegramApiException>(
            () => flood.ExecuteAsync(c => client.SendMessageAsync(42, new string('a', 4097), null, c), Ct));

        failure.ShouldNotBeOfType<TelegramBlockedException>();
        (failure.ErrorCode, failure.Description, failure.RetryAfter).ShouldBe((400, "Bad Request: message is too long", (TimeSpan?)null));
        clock.Delays.ShouldBeEmpty();
        server.RequestsTo("sendMessage").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Failures_are_logged_without_token_or_text()
    {
        server.FailNextSendMessageWithRetryAfter(3);
        server.FailNextSendMessageWithBlocked();

        await Should.ThrowAsync<TelegramBlockedException>(() => flood.ExecuteAsync(c => client.SendMessageAsync(42, "Mon numéro est 0470 12 34 56", null, c), Ct));

        log.Entries.ShouldBe(
            [
                (LogLevel.Warning, "Telegram sendMessage hit flood control: retry after 3 s"),
                (LogLevel.Warning, "Telegram sendMessage failed with 403"),
            ]);
        log.Entries.Concat(floodLog.Entries).ShouldAllBe(e => !e.Text.Contains("AAFake") && !e.Text.Contains("0470"));
    }

    [Fact]
    public async Task GetUpdates_serves_the_queue_and_the_offset_confirms_earlier_updates()
    {
        server.EnqueueUpdate(TelegramPayloads.TextMessage);
        server.EnqueueUpdate(TelegramPayloads.CallbackQuery);

        var first = await client.GetUpdatesAsync(null, TimeSpan.Zero, Ct);
        var afterConfirming = await client.GetUpdatesAsync(734201003, TimeSpan.Zero, Ct);
        server.EnqueueUpdate(TelegramPayloads.ThirdMessage);
        var next = await client.GetUpdatesAsync(null, TimeSpan.Zero, Ct);

        first.Select(u => u.UpdateId).ShouldBe([734201001, 734201002]);
        first[0].Message!.Text.ShouldBe("/start");
        first[1].CallbackQuery!.Data.ShouldBe("lang:nl");
        afterConfirming.ShouldBeEmpty();
        next.Select(u => u.UpdateId).ShouldBe([734201003]);
        server.RequestsTo("getUpdates").Select(r => r.Body).ShouldBe(
            [
                $$"""{"timeout":0,{{AllowedUpdates}}}""",
                $$"""{"offset":734201003,"timeout":0,{{AllowedUpdates}}}""",
                $$"""{"timeout":0,{{AllowedUpdates}}}""",
            ]);
    }

    [Fact]
    public async Task GetUpdates_long_polls_until_an_update_arrives()
    {
        var polling = client.GetUpdatesAsync(734201003, TimeSpan.FromSeconds(30), Ct);
        server.EnqueueUpdate(TelegramPayloads.ThirdMessage);

        (await polling).Select(u => u.UpdateId).ShouldBe([734201003]);
        server.RequestsTo("getUpdates").Single().Body.ShouldBe($$"""{"offset":734201003,"timeout":30,{{AllowedUpdates}}}""");
    }

    [Fact]
    public async Task A_webhook_blocks_polling_until_it_is_deleted()
    {
        (await client.SetWebhookAsync(new Uri("https://reach.example.org/telegram/webhook"), "s3cret_-X", Ct)).ShouldBeTrue();
        var conflict = await Should.ThrowAsync<TelegramApiException>(() => client.GetUpdatesAsync(null, TimeSpan.Zero, Ct));
        (await client.DeleteWebhookAsync(Ct)).ShouldBeTrue();
        var updates = await client.GetUpdatesAsync(null, TimeSpan.Zero, Ct);

        server.RequestsTo("setWebhook").Single().Body.ShouldBe(
            $$"""{"url":"https://reach.example.org/telegram/webhook","secret_token":"s3cret_-X",{{AllowedUpdates}}}""");
        conflict.ErrorCode.ShouldBe(409);
        conflict.Description.ShouldBe("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        server.RequestsTo("deleteWebhook").Single().Body.ShouldBe("""{"drop_pending_updates":false}""");
        updates.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_callback_query_is_answered_by_id()
    {
        (await client.AnswerCallbackQueryAsync("4382bfdwdsb323b2d9", null, Ct)).ShouldBeTrue();
        (await client.AnswerCallbackQueryAsync("4382bfdwdsb323b2d9", "Nederlands", Ct)).ShouldBeTrue();

        server.RequestsTo("answerCallbackQuery").Select(r => r.Body).ShouldBe(
            [
                """{"callback_query_id":"4382bfdwdsb323b2d9"}""",
                """{"callback_query_id":"4382bfdwdsb323b2d9","text":"Nederlands"}""",
            ]);
    }

    [Fact]
    public async Task A_wrong_token_is_unauthorized()
    {
        var failure = await Should.ThrowAsync<TelegramApiException>(() => ClientWithToken("654321:Wrong").DeleteWebhookAsync(Ct));

        (failure.ErrorCode, failure.Description).ShouldBe((401, "Unauthorized"));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_anything_is_sent()
    {
        var longData = new InlineKeyboardMarkup([[new("العربية", "lang:" + new string('ع', 30))]]);

        (await Should.ThrowAsync<ArgumentException>(() => client.SendMessageAsync(42, "Langue ?", longData, Ct)))
            .Message.ShouldBe("Every button needs callback_data of 1-64 UTF-8 bytes; one has 65. (Parameter 'keyboard')");
        await Should.ThrowAsync<ArgumentException>(() => client.SendMessageAsync(42, " ", null, Ct));
        await Should.ThrowAsync<ArgumentException>(() => client.SetWebhookAsync(new Uri("https://reach.example.org/t"), "not secret!", Ct));
        server.Requests.ShouldBeEmpty();
    }

    private TelegramClient ClientWithToken(string token) =>
        new(http, Options.Create(new TelegramOptions { BotToken = token, BaseUrl = server.BaseUrl }), log);
}
