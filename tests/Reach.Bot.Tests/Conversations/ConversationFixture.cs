using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using Reach.Bot.Answers;
using Reach.Bot.Conversations;
using Reach.Content.Packs;
using Reach.Content.Storage;
using Reach.Notifications.Appointments;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;
using Reach.Notifications.Reminders;
using Reach.Testing;

namespace Reach.Bot.Tests.Conversations;

/// <summary>A conversation engine on a SQLite store with the demo content published, at a fixed time.</summary>
public sealed class ConversationFixture : IAsyncDisposable
{
    private readonly TempDirectory directory = new();

    private ConversationFixture(ReachDatabase database, FakeTimeProvider clock, ConversationEngine engine, ContactStore contacts)
    {
        Database = database;
        Clock = clock;
        Engine = engine;
        Contacts = contacts;
    }

    public ReachDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public ConversationEngine Engine { get; }

    public ContactStore Contacts { get; }

    public OutboxStore Outbox { get; private init; } = null!;

    public AppointmentService Appointments { get; private init; } = null!;

    public Reach.Notifications.Signups.SignupStore Signups { get; private init; } = null!;

    public static async Task<ConversationFixture> StartAsync(string organisation = "sem", DateTimeOffset? at = null)
    {
        var clock = new FakeTimeProvider(at ?? new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var directory = Path.Combine(Path.GetTempPath(), "reach-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = ReachDatabase.Create($"Data Source={Path.Combine(directory, "reach.db")}", new StorageOptions());
        await new Migrator(database, clock).MigrateAsync(CancellationToken.None);
        var store = new ContentStore(database, clock);
        foreach (var content in PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack!.Organisations)
        {
            await store.PublishAsync(content, "test", null, CancellationToken.None);
        }

        var answers = new AnswerService(store, new UnansweredQuestionStore(database, clock), Options.Create(new AnswerOptions()), clock, NullLogger<AnswerService>.Instance);
        var contacts = new ContactStore(database, clock);
        var outbox = new OutboxStore(database, clock);
        var reminders = TestOptions.Monitor(new ReminderOptions());
        var appointments = new AppointmentService(database, contacts, outbox, new OrganisationZones(store, clock), reminders, clock);
        var signups = new Reach.Notifications.Signups.SignupStore(database, clock);
        var engine = new ConversationEngine(
            answers, contacts, signups, appointments, new SessionReminders(outbox, signups, reminders, clock), outbox, new UnansweredQuestionStore(database, clock), new QuestionCounts(database),
            Options.Create(new ConversationOptions { Organisation = organisation }), NullLogger<ConversationEngine>.Instance);
        return new ConversationFixture(database, clock, engine, contacts) { Outbox = outbox, Appointments = appointments, Signups = signups };
    }

    /// <summary>What Reach replies to one message, each reply as its text then its buttons' ids.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> SendAsync(string address, string? text = null, string? choice = null, string channel = "web", string? hint = null) =>
        await Engine.HandleAsync(
            new IncomingMessage(channel, address, text, choice, Instant.FromDateTimeOffset(Clock.GetUtcNow())) { LanguageHint = hint },
            CancellationToken.None);

    /// <summary>Books an appointment for a phone as staff do, and optionally marks its first reminder as sent.</summary>
    public async Task<Appointment> BookAsync(string phone, LocalDateTime start, string language, string? name, bool reminded)
    {
        var appointment = (await Appointments.CreateAsync(new NewAppointment("sem", start, language) { Phone = phone, FirstName = name }, CancellationToken.None)).Appointment!;
        if (reminded)
        {
            var first = (await Outbox.ListBySubjectAsync(appointment.Subject, CancellationToken.None))[0];
            await Outbox.ClaimAsync(first.Id, "test", long.MaxValue, CancellationToken.None);
            await Outbox.StartSendingAsync(first.Id, "test", "sms", "reminder", CancellationToken.None);
            await Outbox.FinishAsync(first.Id, "test", OutboxStates.Sent, "SM1", null, CancellationToken.None);
        }

        return appointment;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }
}
