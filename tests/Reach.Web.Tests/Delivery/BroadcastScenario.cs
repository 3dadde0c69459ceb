using Dapper;
using NodaTime;
using Reach.Content.Packs;
using Reach.Content.Storage;
using Reach.Notifications.Broadcasts;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Testing;
using Reach.Testing.Fakes;

namespace Reach.Web.Tests.Delivery;

/// <summary>
/// A Reach database prepared from the test process as Reach itself would write it: migrated, the demo content
/// published, people on SMS subscribed to the news of <see cref="Organisation"/>, and a broadcast to them planned in
/// the outbox. Then reads what the outbox says about that broadcast while Reach processes send it.
/// </summary>
internal sealed class BroadcastScenario : IAsyncDisposable
{
    public const string Organisation = "sem";

    /// <summary>Accents and an apostrophe: the text must survive the form, the JSON list and the comparison.</summary>
    public const string Text = "Sortie Article 27 samedi : rendez-vous à 14h devant l'entrée de la gare du Midi.";

    private readonly ReachDatabase database;
    private readonly TimeProvider clock = TimeProvider.System;

    private BroadcastScenario(ReachDatabase database, IReadOnlyList<string> phones)
    {
        this.database = database;
        Phones = phones;
    }

    /// <summary>The numbers of everyone subscribed, in the order they were added.</summary>
    public IReadOnlyList<string> Phones { get; }

    public long BroadcastId { get; private set; }

    public string Subject => $"broadcast:{BroadcastId}";

    /// <summary>A Belgian mobile number per person: +32 470 00 00 01 and on.</summary>
    public static string Phone(int person) => $"+32470{person:D6}";

    /// <summary>Migrates the database behind <paramref name="connectionString"/>, publishes the demo pack and subscribes <paramref name="people"/> people.</summary>
    public static async Task<BroadcastScenario> CreateAsync(string connectionString, int people, CancellationToken cancellationToken)
    {
        var database = ReachDatabase.Create(connectionString, new StorageOptions());
        var clock = TimeProvider.System;
        await new Migrator(database, clock).MigrateAsync(cancellationToken);
        var content = new ContentStore(database, clock);
        foreach (var organisation in PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack!.Organisations)
        {
            await content.PublishAsync(organisation, "test", null, cancellationToken);
        }

        var contacts = new ContactStore(database, clock);
        var subscriptions = new SubscriptionStore(database, clock);
        var phones = new List<string>(people);
        for (var person = 1; person <= people; person++)
        {
            var phone = Phone(person);
            var contact = await contacts.GetOrCreateAsync(Organisation, "sms", phone, $"Person {person}", cancellationToken);
            await subscriptions.SubscribeAsync(contact.Id, "news", cancellationToken);
            phones.Add(phone);
        }

        return new BroadcastScenario(database, phones);
    }

    /// <summary>Plans the broadcast to everyone subscribed to the news, due at <paramref name="at"/> (now when null).</summary>
    public async Task ScheduleAsync(Instant? at, CancellationToken cancellationToken)
    {
        var broadcasts = new BroadcastService(database, new ContentStore(database, clock), [], TestOptions.Monitor(new DeliveryOptions()), clock);
        var draft = new BroadcastDraft(Organisation, "test", "news", "fr", new Dictionary<string, string>(StringComparer.Ordinal) { ["fr"] = Text });
        var result = await broadcasts.ScheduleAsync(draft, at, cancellationToken);
        result.Error.ShouldBeNull();
        result.Preview!.Recipients.ShouldBe(Phones.Count);
        BroadcastId = result.Id!.Value;
    }

    public async Task<IReadOnlyDictionary<string, int>> CountByStateAsync(CancellationToken cancellationToken) =>
        await new OutboxStore(database, clock).CountByStateAsync(Subject, cancellationToken);

    /// <summary>Waits until nothing of the broadcast is planned or sending any more; returns the count per state.</summary>
    public async Task<IReadOnlyDictionary<string, int>> WaitUntilSettledAsync(TimeSpan timeout, Func<string> diagnostics, CancellationToken cancellationToken)
    {
        // The processes under test work in real time: wait on the real clock.
        var until = TimeProvider.System.GetUtcNow() + timeout;
        IReadOnlyDictionary<string, int> counts;
        do
        {
            counts = await CountByStateAsync(cancellationToken);
            if (!counts.ContainsKey(OutboxStates.Planned) && !counts.ContainsKey(OutboxStates.Sending))
            {
                return counts;
            }

            await Task.Delay(500, cancellationToken);
        }
        while (TimeProvider.System.GetUtcNow() < until);

        throw new TimeoutException($"The broadcast did not settle within {timeout}: {Describe(counts)}.\n{diagnostics()}");
    }

    /// <summary>The broadcast's message to <paramref name="phone"/>, with who held it last.</summary>
    public async Task<OutboxRow> MessageToAsync(string phone, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<OutboxRow>(
            """
            SELECT o.state AS State, o.attempts AS Attempts, o.reason AS Reason, o.claimed_by AS ClaimedBy, o.provider_id AS ProviderId
            FROM outbox o JOIN contacts c ON c.id = o.contact_id
            WHERE o.subject = @subject AND c.address = @phone
            """,
            new { subject = Subject, phone });
    }

    /// <summary>Each person of the audience got the broadcast exactly once at Twilio, and nobody else got anything.</summary>
    public void ShouldHaveReachedEachPersonOnce(FakeTwilioServer twilio)
    {
        var received = twilio.CountsByRecipient;
        Phones.Except(received.Keys).ShouldBeEmpty("people who got nothing");
        received.Where(r => r.Value != 1).Select(r => $"{r.Key} got {r.Value}").ShouldBeEmpty("people who got the broadcast more than once");
        received.Keys.Except(Phones).ShouldBeEmpty("numbers outside the audience");
        twilio.Sent.Select(m => m.Body).Distinct().ShouldBe([Text]);
    }

    public static string Describe(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "no messages" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"));

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>One outbox row as the assertions need it.</summary>
    public sealed class OutboxRow
    {
        public string State { get; set; } = string.Empty;

        public long Attempts { get; set; }

        public string? Reason { get; set; }

        public string? ClaimedBy { get; set; }

        public string? ProviderId { get; set; }

        /// <summary>The process id part of <see cref="ClaimedBy"/> (<c>{pid}-{guid}</c>).</summary>
        public int? ClaimedByProcess => ClaimedBy?.Split('-', 2)[0] is { } pid && int.TryParse(pid, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
