using Microsoft.Extensions.Logging.Abstractions;
using Reach.Content.Packs;
using Reach.Content.Storage;
using Reach.Notifications.Appointments;
using Reach.Notifications.Broadcasts;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Notifications.Reminders;
using Reach.Notifications.Signups;
using Reach.Testing;

namespace Reach.Notifications.Tests.Delivery;

/// <summary>
/// The outbox on a SQLite store with the demo content published (SEM, Europe/Brussels), a fake clock,
/// fake channels that record what they deliver, and a renderer that names what it renders.
/// </summary>
public sealed class OutboxFixture : IAsyncDisposable
{
    private readonly TempDirectory directory;

    private OutboxFixture(TempDirectory directory, ReachDatabase database, FakeTimeProvider clock, IContentStore content)
    {
        this.directory = directory;
        Database = database;
        Clock = clock;
        Content = content;
        Contacts = new ContactStore(database, clock);
        Outbox = new OutboxStore(database, clock);
        Zones = new OrganisationZones(content, clock);
        Appointments = new AppointmentService(database, Contacts, Outbox, Zones, TestOptions.Monitor(Reminders), clock);
        Signups = new SignupStore(database, clock);
        Sessions = new SessionReminders(Outbox, Signups, TestOptions.Monitor(Reminders), clock);
        Subscriptions = new SubscriptionStore(database, clock);
    }

    public ReachDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public IContentStore Content { get; }

    public ContactStore Contacts { get; }

    public OutboxStore Outbox { get; }

    public OrganisationZones Zones { get; }

    public AppointmentService Appointments { get; }

    public SignupStore Signups { get; }

    public SessionReminders Sessions { get; }

    public SubscriptionStore Subscriptions { get; }

    public ReminderOptions Reminders { get; } = new();

    public DeliveryOptions Delivery { get; } = new() { RatePerSecond = { ["sms"] = 1e6, ["whatsapp"] = 1e6, ["telegram"] = 1e6 }, TelegramPerChatInterval = TimeSpan.Zero };

    public FakeChannel Sms { get; } = new("sms");

    public FakeChannel WhatsApp { get; } = new("whatsapp");

    public FakeChannel Telegram { get; } = new("telegram");

    /// <summary>Everything delivered on any channel, in order.</summary>
    public IReadOnlyList<Reach.Notifications.Delivery.Delivery> Delivered =>
        [.. Sms.Delivered.Concat(WhatsApp.Delivered).Concat(Telegram.Delivered).OrderBy(d => d.At).Select(d => d.Delivery)];

    /// <summary>The PostgreSQL database of this fixture, dropped at the end; null on SQLite.</summary>
    private string? Postgres { get; init; }

    /// <summary>Thursday 3 December 2026, 09:00 in Brussels; SQLite, or a fresh PostgreSQL database when <paramref name="postgres"/> is given.</summary>
    public static async Task<OutboxFixture> StartAsync(DateTimeOffset? at = null, string? postgres = null)
    {
        var directory = new TempDirectory();
        var clock = new FakeTimeProvider(at ?? new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var database = ReachDatabase.Create(postgres ?? $"Data Source={Path.Combine(directory.Path, "reach.db")}", new StorageOptions());
        await new Migrator(database, clock).MigrateAsync(CancellationToken.None);
        var store = new ContentStore(database, clock);
        foreach (var content in PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack!.Organisations)
        {
            await store.PublishAsync(content, "test", null, CancellationToken.None);
        }

        return new OutboxFixture(directory, database, clock, store) { Postgres = postgres };
    }

    /// <summary>A dispatcher as the scheduler's job builds one; <paramref name="identity"/> stands for a process.</summary>
    public OutboxDispatcher Dispatcher(DispatcherIdentity? identity = null) => new(
        Outbox, Contacts, [Sms, WhatsApp, Telegram], new NamingRenderer(), Zones, new RateGate(Clock), Database, identity ?? new DispatcherIdentity(),
        TestOptions.Monitor(Delivery), TestOptions.Monitor(Reminders), Clock, NullLogger<OutboxDispatcher>.Instance);

    public Task<int> RunAsync() => Dispatcher().RunAsync(CancellationToken.None);

    public async Task<Contact> PersonAsync(string phone, string channel = "sms", string? language = null)
    {
        var contact = await Contacts.GetOrCreateAsync("sem", channel, phone, null, CancellationToken.None);
        if (language is not null)
        {
            contact = contact with { Language = language, Stage = "ready" };
            await Contacts.SaveAsync(contact, CancellationToken.None);
        }

        return contact;
    }

    public async Task<IReadOnlyList<OutboxMessage>> MessagesAsync(string subject) => await Outbox.ListBySubjectAsync(subject, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (Postgres is not null)
        {
            await PostgresServer.DropDatabaseAsync(PostgresServer.AdminConnectionString!, Postgres);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    /// <summary>Writes "kind subject step" so that tests see what was rendered.</summary>
    private sealed class NamingRenderer : IMessageRenderer
    {
        public Task<RenderedMessage?> RenderAsync(OutboxMessage message, CancellationToken cancellationToken) =>
            Task.FromResult<RenderedMessage?>(new RenderedMessage($"{message.Kind} {message.Subject} {message.Step}", []));
    }
}

/// <summary>A channel that records each delivery and answers with scripted outcomes (sent by default).</summary>
public sealed class FakeChannel(string channel) : IDeliveryChannel
{
    private readonly Queue<DeliveryResult> outcomes = new();
    private int sent;

    public string Channel { get; } = channel;

    public bool IsConfigured { get; set; } = true;

    public List<(Reach.Notifications.Delivery.Delivery Delivery, DateTimeOffset At)> Delivered { get; } = [];

    /// <summary>What <see cref="WasSentAsync"/> answers.</summary>
    public bool? ProviderKnows { get; set; }

    public void Answer(params DeliveryResult[] results)
    {
        foreach (var result in results)
        {
            outcomes.Enqueue(result);
        }
    }

    public Task<DeliveryResult> DeliverAsync(Reach.Notifications.Delivery.Delivery delivery, CancellationToken cancellationToken)
    {
        var result = outcomes.Count > 0 ? outcomes.Dequeue() : DeliveryResult.Sent($"{Channel}-{++sent}");
        if (result.Outcome == DeliveryOutcome.Sent)
        {
            Delivered.Add((delivery, TimeProvider.System.GetUtcNow()));
        }

        return Task.FromResult(result);
    }

    /// <summary>From when the last check looked.</summary>
    public DateTimeOffset? CheckedSince { get; private set; }

    public Task<bool?> WasSentAsync(Reach.Notifications.Delivery.Delivery delivery, DateTimeOffset since, CancellationToken cancellationToken)
    {
        CheckedSince = since;
        return Task.FromResult(ProviderKnows);
    }
}
