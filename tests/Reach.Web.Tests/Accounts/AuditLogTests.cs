using Reach.Testing;
using Reach.Web.Accounts;

namespace Reach.Web.Tests.Accounts;

/// <summary>The audit log read a page at a time, newest first, on SQLite and, when the test script started it, PostgreSQL.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
    private readonly StoreDatabases stores;

    public AuditLogTests() => stores = new StoreDatabases(clock);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => stores.DisposeAsync();

    public static TheoryData<string> Stores() => new(StoreDatabases.Kinds);

    private async Task<AuditLog> LogAsync(string kind)
    {
        var database = await stores.CreateAsync(kind);
        if (database is null)
        {
            Assert.Skip(StoreDatabases.NoServer);
        }

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
