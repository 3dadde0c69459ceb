using Reach.Content.Storage;
using Reach.Testing;
using Reach.Web.Accounts;

namespace Reach.Web.Tests.Accounts;

/// <summary>The audit log read a page at a time, newest first, on SQLite and, when the test script started it, PostgreSQL.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
    private readonly List<(ReachDatabase Database, string? Postgres)> databases = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var (database, postgres) in databases)
        {
            await database.DisposeAsync();
            if (postgres is not null)
            {
                await PostgresServer.DropDatabaseAsync(PostgresServer.AdminConnectionString!, postgres);
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    public static TheoryData<string> Stores() => new("sqlite", "postgres");

    private async Task<AuditLog> LogAsync(string kind)
    {
        string connectionString;
        string? postgres = null;
        if (kind == "postgres")
        {
            if (PostgresServer.AdminConnectionString is not { } admin)
            {
                Assert.Skip($"No PostgreSQL server: set {PostgresServer.Variable} or run ./test.sh, which starts one.");
                throw new InvalidOperationException();
            }

            connectionString = postgres = await PostgresServer.CreateDatabaseAsync(admin);
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(directory.Path, Guid.NewGuid().ToString("N") + ".db")}";
        }

        var database = ReachDatabase.Create(connectionString, new StorageOptions());
        databases.Add((database, postgres));
        await new Migrator(database, clock).MigrateAsync(CancellationToken.None);
        return new AuditLog(database, clock);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Pages_go_from_the_newest_entry_to_the_oldest_without_gaps_or_another_organisations_entries(string kind)
    {
        var audit = await LogAsync(kind);
        for (var i = 1; i <= 25; i++)
        {
            await audit.WriteAsync("sem", "marie@sem.example", "appointment.create", $"appointment {i} — موعد {i}", CancellationToken.None);
            await audit.WriteAsync("cssbse", "olena@cssbse.example", "inbox.reply", $"conversation {i}", CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await audit.PageAsync("sem", null, 10, CancellationToken.None);
        var second = await audit.PageAsync("sem", first[^1].Id, 10, CancellationToken.None);
        var third = await audit.PageAsync("sem", second[^1].Id, 10, CancellationToken.None);
        var after = await audit.PageAsync("sem", third[^1].Id, 10, CancellationToken.None);

        first.Select(e => e.Detail).ShouldBe(Enumerable.Range(16, 10).Reverse().Select(i => $"appointment {i} — موعد {i}"));
        first[0].At.ShouldBe(new DateTimeOffset(2026, 11, 21, 9, 24, 0, TimeSpan.Zero));
        first[0].Actor.ShouldBe("marie@sem.example");
        second.Select(e => e.Detail).ShouldBe(Enumerable.Range(6, 10).Reverse().Select(i => $"appointment {i} — موعد {i}"));
        third.Select(e => e.Detail).ShouldBe(Enumerable.Range(1, 5).Reverse().Select(i => $"appointment {i} — موعد {i}"));
        after.ShouldBeEmpty();
        first.Concat(second).Concat(third).Select(e => e.Id).ShouldBeInOrder(SortDirection.Descending);
        (await audit.PageAsync("cssbse", null, 100, CancellationToken.None)).Count.ShouldBe(25);
    }
}
