using Reach.Notifications.Contacts;
using Reach.Testing;

namespace Reach.Notifications.Tests.Contacts;

/// <summary>Reading many contacts at once, on SQLite and, when the test script started it, PostgreSQL.</summary>
public sealed class ContactStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
    private readonly StoreDatabases stores;

    public ContactStoreTests() => stores = new StoreDatabases(clock);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => stores.DisposeAsync();

    public static TheoryData<string> Stores() => new(StoreDatabases.Kinds);

    private async Task<ContactStore> StoreAsync(string kind)
    {
        var database = await stores.CreateAsync(kind);
        if (database is null)
        {
            Assert.Skip(StoreDatabases.NoServer);
        }

        return new ContactStore(database, clock);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Contacts_are_found_by_id_across_organisations_and_channels_with_unknown_ids_left_out(string kind)
    {
        var contacts = await StoreAsync(kind);
        var sms = await contacts.GetOrCreateAsync("sem", "sms", "+32470123456", "Aïcha", CancellationToken.None);
        await contacts.SaveAsync(sms with { Language = "ar" }, CancellationToken.None);
        var telegram = await contacts.GetOrCreateAsync("cssbse", "telegram", "100000042", "Олена", CancellationToken.None);
        await contacts.SaveAsync(telegram with { Language = "uk", OptedOut = true }, CancellationToken.None);
        var whatsapp = await contacts.GetOrCreateAsync("sem", "whatsapp", "+32470123456", null, CancellationToken.None);

        var found = await contacts.FindManyAsync([telegram.Id, sms.Id, 987_654, sms.Id, whatsapp.Id], CancellationToken.None);

        found.Keys.Order().ShouldBe([sms.Id, telegram.Id, whatsapp.Id]);
        found[sms.Id].ShouldBe(sms with { Language = "ar" });
        found[telegram.Id].ShouldBe(telegram with { Language = "uk", OptedOut = true });
        found[telegram.Id].FirstName.ShouldBe("Олена");
        found[whatsapp.Id].ShouldBe(await contacts.FindAsync(whatsapp.Id, CancellationToken.None));
        found[whatsapp.Id].Channel.ShouldBe("whatsapp");
        (await contacts.FindManyAsync([], CancellationToken.None)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task More_ids_than_one_statement_takes_are_all_found(string kind)
    {
        var contacts = await StoreAsync(kind);
        var ids = new List<long>();
        for (var i = 0; i < 1_203; i++)
        {
            ids.Add((await contacts.GetOrCreateAsync("sem", "sms", $"+3247{i:D7}", null, CancellationToken.None)).Id);
        }

        var found = await contacts.FindManyAsync(ids, CancellationToken.None);

        found.Count.ShouldBe(1_203);
        found[ids[^1]].Address.ShouldBe("+32470001202");
        found[ids[0]].Address.ShouldBe("+32470000000");
    }
}
