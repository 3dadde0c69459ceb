using NodaTime;
using Reach.Notifications.Broadcasts;
using Reach.Notifications.Delivery;
using Reach.Notifications.Tests.Delivery;
using Reach.Testing;

namespace Reach.Notifications.Tests.Broadcasts;

/// <summary>Broadcasts: preview, missing translations, send once each, cancel before it goes.</summary>
public sealed class BroadcastServiceTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private OutboxFixture f = null!;
    private BroadcastService broadcasts = null!;

    public async ValueTask InitializeAsync()
    {
        f = await OutboxFixture.StartAsync();
        broadcasts = new BroadcastService(f.Database, f.Content, [f.Sms, f.WhatsApp, f.Telegram], TestOptions.Monitor(new DeliveryOptions()), f.Clock);
        foreach (var (address, channel, language, optedOut) in new[]
        {
            ("+32470000001", "sms", "fr", false),
            ("+32470000002", "sms", "fr", false),
            ("+32470000003", "sms", "ar", false),
            ("123456789", "telegram", "uk", false),
            ("+32470000005", "sms", "es", true),
        })
        {
            var person = await f.PersonAsync(address, channel, language);
            await f.Contacts.SaveAsync(person with { OptedOut = optedOut }, None);
            await f.Subscriptions.SubscribeAsync(person.Id, "news", None);
        }
    }

    public async ValueTask DisposeAsync() => await f.DisposeAsync();

    private static BroadcastDraft Draft(bool sendSource = false, string? arabic = null) =>
        new("sem", "staff@sem", "news", "fr", arabic is null
            ? new Dictionary<string, string> { ["fr"] = "Fermé ce vendredi 4 décembre." }
            : new Dictionary<string, string> { ["fr"] = "Fermé ce vendredi 4 décembre.", ["ar"] = arabic })
        {
            SendSourceWhereMissing = sendSource,
        };

    [Fact]
    public async Task The_preview_shows_people_per_language_and_channel_texts_segments_and_cost()
    {
        var preview = await broadcasts.PreviewAsync(Draft(arabic: "مغلق يوم الجمعة 4 ديسمبر."), None);

        preview.Recipients.ShouldBe(4, "the person who opted out is not in the audience");
        preview.PerChannel.OrderBy(p => p.Key).ShouldBe([new("sms", 3), new("telegram", 1)]);
        preview.Languages.Select(l => (l.Language, l.Recipients, l.Text, l.Missing, l.SegmentsPerSms)).ShouldBe([
            ("fr", 2, "Fermé ce vendredi 4 décembre.", false, 1),
            ("ar", 1, "مغلق يوم الجمعة 4 ديسمبر.", false, 1),
            ("uk", 1, null, true, 0),
        ]);
        preview.MissingLanguages.ShouldBe(["uk"]);
        preview.SmsSegments.ShouldBe(3);
        preview.EstimatedCost.ShouldBe(0.24m);
        preview.Currency.ShouldBe("EUR");
    }

    [Fact]
    public async Task A_language_without_text_must_be_written_or_sent_in_the_source_language()
    {
        var refused = await broadcasts.ScheduleAsync(Draft(), null, None);

        refused.Id.ShouldBeNull();
        refused.Error.ShouldBe("No text in ar, uk: write it, or choose to send the fr text to them.");

        var sent = await broadcasts.ScheduleAsync(Draft(sendSource: true), null, None);
        sent.Error.ShouldBeNull();
        sent.Preview!.Languages.Single(l => l.Language == "uk").SourceText.ShouldBeTrue();
    }

    [Fact]
    public async Task Each_person_gets_their_own_message_once_in_their_language()
    {
        var result = await broadcasts.ScheduleAsync(Draft(sendSource: true, arabic: "مغلق يوم الجمعة 4 ديسمبر."), null, None);

        (await f.RunAsync()).ShouldBe(4);
        (await f.RunAsync()).ShouldBe(0);

        f.Delivered.Select(d => (d.Channel, d.Address, d.Text)).OrderBy(d => d.Address, StringComparer.Ordinal).ShouldBe([
            ("sms", "+32470000001", "Fermé ce vendredi 4 décembre."),
            ("sms", "+32470000002", "Fermé ce vendredi 4 décembre."),
            ("sms", "+32470000003", "مغلق يوم الجمعة 4 ديسمبر."),
            ("telegram", "123456789", "Fermé ce vendredi 4 décembre."),
        ]);
        (await f.Outbox.CountByStateAsync($"broadcast:{result.Id}", None)).ShouldBe(new Dictionary<string, int> { ["sent"] = 4 });
    }

    [Fact]
    public async Task A_broadcast_for_later_can_be_cancelled_before_it_goes()
    {
        var later = Instant.FromDateTimeOffset(f.Clock.GetUtcNow().AddHours(3));
        var result = await broadcasts.ScheduleAsync(Draft(sendSource: true), later, None);
        (await f.RunAsync()).ShouldBe(0);

        (await broadcasts.CancelAsync(result.Id!.Value, None)).ShouldBe(4);
        f.Clock.Advance(TimeSpan.FromHours(3));

        (await f.RunAsync()).ShouldBe(0);
        f.Delivered.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_audience_is_refused_clearly()
    {
        var e = await Should.ThrowAsync<ArgumentException>(() => broadcasts.PreviewAsync(Draft() with { Audience = "everyone" }, None));

        e.Message.ShouldStartWith("'everyone' is not an audience; use session:<activity>/<session>, waiting:<activity>/<session>, group:<id> or news.");
    }
}
