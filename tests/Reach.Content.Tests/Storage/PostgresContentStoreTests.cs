using Reach.Testing;

namespace Reach.Content.Tests.Storage;

/// <summary>Runs against the PostgreSQL server that ./test.sh installs and starts; required under CI.</summary>
public sealed class PostgresContentStoreTests : ContentStoreContract
{
    private readonly List<string> databases = [];

    protected override async Task<string?> CreateDatabaseAsync()
    {
        if (PostgresServer.AdminConnectionString is not { } admin)
        {
            return null;
        }

        var database = await PostgresServer.CreateDatabaseAsync(admin);
        databases.Add(database);
        return database;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var database in databases)
        {
            await PostgresServer.DropDatabaseAsync(PostgresServer.AdminConnectionString!, database);
        }
    }
}
