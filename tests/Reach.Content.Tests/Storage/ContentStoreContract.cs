using Dapper;
using Reach.Content.Drafts;
using Reach.Content.Model;
using Reach.Content.Packs;
using Reach.Content.Storage;
using Reach.Testing;

namespace Reach.Content.Tests.Storage;

/// <summary>The same store behaviour on SQLite and on PostgreSQL.</summary>
public abstract class ContentStoreContract : IAsyncLifetime
{
    private static readonly OrganisationContent Sem =
        PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack!.Organisations.Single(o => o.Organisation.Id == "sem");

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero));

    protected ReachDatabase Database { get; private set; } = null!;

    private ContentStore Store { get; set; } = null!;

    /// <summary>A connection string to an empty database, or null to skip on a developer machine.</summary>
    protected abstract Task<string?> CreateDatabaseAsync();

    public virtual async ValueTask InitializeAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        if (connectionString is null)
        {
            Assert.Skip($"No PostgreSQL server: set {PostgresServer.Variable} or run ./test.sh, which starts one.");
        }

        Database = ReachDatabase.Create(connectionString, new StorageOptions());
        await new Migrator(Database, Clock).MigrateAsync(CancellationToken.None);
        Store = new ContentStore(Database, Clock);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_draft_is_kept_per_organisation_until_it_is_replaced_or_discarded()
    {
        var drafts = new ContentDraftStore(Database, Clock);
        (await drafts.GetAsync("sem", CancellationToken.None)).ShouldBeNull();
        var edited = Sem with { Faq = Sem.Faq.Skip(1).ToList() };

        await drafts.SaveAsync(new ContentDraft(3, edited, "alice", Clock.GetUtcNow()), CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var saved = await drafts.GetAsync("sem", CancellationToken.None);

        saved.ShouldNotBeNull();
        saved.BaseVersion.ShouldBe(3);
        saved.UpdatedBy.ShouldBe("alice");
        saved.UpdatedAt.ShouldBe(Clock.GetUtcNow() - TimeSpan.FromMinutes(5));
        PackWriter.WriteDocument(saved.Content).ShouldBe(PackWriter.WriteDocument(edited));
        (await drafts.GetAsync("cssbse", CancellationToken.None)).ShouldBeNull();

        await drafts.SaveAsync(new ContentDraft(4, Sem, "bob", Clock.GetUtcNow()), CancellationToken.None);
        (await drafts.GetAsync("sem", CancellationToken.None))!.UpdatedBy.ShouldBe("bob");
        (await drafts.DeleteAsync("sem", CancellationToken.None)).ShouldBeTrue();
        (await drafts.DeleteAsync("sem", CancellationToken.None)).ShouldBeFalse();
        (await drafts.GetAsync("sem", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Publishing_creates_numbered_versions_with_author_and_time_and_skips_unchanged_content()
    {
        var first = await Store.PublishAsync(Sem, "alice", "first", CancellationToken.None);
        var again = await Store.PublishAsync(Sem, "bob", null, CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(2));
        var edited = Sem with { Faq = Sem.Faq.Skip(1).ToList() };
        var second = await Store.PublishAsync(edited, "bob", "removed one question", CancellationToken.None);

        first.ShouldBe(new PublishResult("sem", 1, Changed: true));
        again.ShouldBe(new PublishResult("sem", 1, Changed: false));
        second.ShouldBe(new PublishResult("sem", 2, Changed: true));
        (await Store.ListVersionsAsync("sem", CancellationToken.None)).ShouldBe(
        [
            new ContentVersionInfo("sem", 1, "alice", new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero), "first", null, false),
            new ContentVersionInfo("sem", 2, "bob", new DateTimeOffset(2026, 11, 21, 11, 30, 0, TimeSpan.Zero), "removed one question", null, true),
        ]);
        var published = (await Store.GetPublishedAsync("sem", CancellationToken.None)).ShouldNotBeNull();
        published.Version.ShouldBe(2);
        published.Content.Faq.Count.ShouldBe(Sem.Faq.Count - 1);
    }

    [Fact]
    public async Task Restoring_publishes_the_earlier_content_as_a_new_version()
    {
        await Store.PublishAsync(Sem, "alice", null, CancellationToken.None);
        await Store.PublishAsync(Sem with { Services = [] }, "bob", null, CancellationToken.None);

        var restored = await Store.RestoreAsync("sem", 1, "carol", CancellationToken.None);

        restored.ShouldBe(new PublishResult("sem", 3, Changed: true));
        var published = (await Store.GetPublishedAsync("sem", CancellationToken.None))!;
        PackWriter.WriteDocument(published.Content).ShouldBe(PackWriter.WriteDocument(Sem));
        (await Store.ListVersionsAsync("sem", CancellationToken.None))[2].ShouldBe(
            new ContentVersionInfo("sem", 3, "carol", Clock.GetUtcNow(), "restored version 1", 1, true));
        await Should.ThrowAsync<KeyNotFoundException>(() => Store.RestoreAsync("sem", 9, "carol", CancellationToken.None));
    }

    [Fact]
    public async Task Every_publish_and_restore_is_in_the_audit_log()
    {
        await Store.PublishAsync(Sem, "alice", "first", CancellationToken.None);
        await Store.PublishAsync(Sem with { Sites = [] }, "bob", null, CancellationToken.None);
        await Store.RestoreAsync("sem", 1, "carol", CancellationToken.None);

        await using var connection = await Database.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string Actor, string Action, string Detail)>(
            "SELECT actor, action, detail FROM audit_log ORDER BY id");

        rows.ShouldBe(
        [
            ("alice", "content.publish", "version 1: first"),
            ("bob", "content.publish", "version 2"),
            ("carol", "content.restore", "version 3: restored version 1"),
        ]);
    }

    [Fact]
    public async Task Concurrent_publishes_get_distinct_versions()
    {
        var edits = Enumerable.Range(0, 8).Select(i => Sem with { Faq = Sem.Faq.Take(i + 1).ToList() }).ToList();

        var results = await Task.WhenAll(edits.Select(e => Store.PublishAsync(e, "staff", null, CancellationToken.None)));

        results.Select(r => r.Version).Order().ShouldBe([1, 2, 3, 4, 5, 6, 7, 8]);
        (await Store.ListVersionsAsync("sem", CancellationToken.None)).Count(v => v.IsCurrent).ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_organisation_has_no_content()
    {
        (await Store.GetPublishedAsync("nobody", CancellationToken.None)).ShouldBeNull();
        (await Store.GetVersionAsync("nobody", 1, CancellationToken.None)).ShouldBeNull();
        (await Store.ListOrganisationsAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_database_at_an_older_schema_is_upgraded_and_keeps_its_content()
    {
        await using var old = ReachDatabase.Create(await CreateDatabaseAsync(), new StorageOptions());
        var migrator = new Migrator(old, Clock);
        (await migrator.MigrateAsync(CancellationToken.None, upTo: 1)).ShouldBe([1]);
        await using (var connection = await old.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO organisations (id, current_version, updated_at) VALUES ('sem', 1, @now);
                INSERT INTO content_versions (organisation_id, version, author, created_at, document) VALUES ('sem', 1, 'alice', @now, @document);
                """,
                new { now = Clock.GetUtcNow(), document = PackWriter.WriteDocument(Sem) });
        }

        (await migrator.MigrateAsync(CancellationToken.None)).ShouldBe([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
        (await migrator.MigrateAsync(CancellationToken.None)).ShouldBeEmpty();
        (await migrator.CurrentVersionAsync(CancellationToken.None)).ShouldBe(14);
        var store = new ContentStore(old, Clock);
        (await store.GetPublishedAsync("sem", CancellationToken.None))!.Content.Faq.Count.ShouldBe(Sem.Faq.Count);
        (await store.PublishAsync(Sem with { Faq = [] }, "bob", null, CancellationToken.None)).Version.ShouldBe(2);
    }
}
