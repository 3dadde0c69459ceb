using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reach.Bot.Answers;
using Reach.Content.Packs;
using Reach.Content.Storage;
using Reach.Testing;

namespace Reach.Bot.Tests.Answers;

/// <summary>The answer service on a real SQLite store: published versions, and the unanswered list.</summary>
public sealed class AnswerServiceTests : IAsyncLifetime
{
    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private ReachDatabase database = null!;
    private ContentStore store = null!;
    private UnansweredQuestionStore unanswered = null!;
    private AnswerService service = null!;

    public async ValueTask InitializeAsync()
    {
        database = ReachDatabase.Create($"Data Source={Path.Combine(directory.Path, "reach.db")}", new StorageOptions());
        await new Migrator(database, clock).MigrateAsync(CancellationToken.None);
        store = new ContentStore(database, clock);
        unanswered = new UnansweredQuestionStore(database, clock);
        service = new AnswerService(store, unanswered, Options.Create(new AnswerOptions()), clock, NullLogger<AnswerService>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    private static Reach.Content.Model.OrganisationContent Sem() =>
        PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack!.Organisations.Single(o => o.Organisation.Id == "sem");

    [Fact]
    public async Task No_published_content_gives_no_answer()
    {
        (await service.AnswerAsync("sem", "c koi article 27", null, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task A_question_not_understood_is_listed_for_coordinators_without_numbers()
    {
        await store.PublishAsync(Sem(), "alice", null, CancellationToken.None);

        var answer = await service.AnswerAsync("sem", "my number is 0470 12 34 56, what is the capital of peru", null, CancellationToken.None);
        await service.AnswerAsync("sem", "c koi article 27", null, CancellationToken.None);

        answer!.Abstained.ShouldBeTrue();
        (await unanswered.ListAsync("sem", 10, CancellationToken.None)).ShouldBe(
            [new UnansweredQuestion("sem", "en", "my number is •••, what is the capital of peru", clock.GetUtcNow())]);
    }

    [Fact]
    public async Task A_new_version_is_answered_from_as_soon_as_it_is_published()
    {
        var sem = Sem();
        await store.PublishAsync(sem, "alice", null, CancellationToken.None);
        var before = await service.AnswerAsync("sem", "c koi article 27", null, CancellationToken.None);
        var faq = sem.Faq.Single(f => f.Id == "sem-faq-article27-what");
        var edited = faq with { Answer = new Reach.Content.Model.LocalizedText([.. faq.Answer.Texts.Where(t => t.Key != "fr"), new("fr", "Article 27 : des places à 1,25 € (texte revu).")]) };
        await store.PublishAsync(sem with { Faq = [.. sem.Faq.Select(f => f.Id == faq.Id ? edited : f)] }, "bob", null, CancellationToken.None);

        var after = await service.AnswerAsync("sem", "c koi article 27", null, CancellationToken.None);

        before!.Text.ShouldStartWith("Article 27 permet d'aller au théâtre");
        after!.Text.ShouldStartWith("Article 27 : des places à 1,25 € (texte revu).");
    }
}
