using Reach.Content.Storage;

namespace Reach.Testing;

/// <summary>
/// Migrated stores for tests that run the same checks on SQLite and PostgreSQL: each a fresh SQLite file or a fresh
/// PostgreSQL database (on the server test.sh starts), dropped at the end.
/// </summary>
public sealed class StoreDatabases(TimeProvider clock) : IAsyncDisposable
{
    public const string NoServer = $"No PostgreSQL server: set {PostgresServer.Variable} or run ./test.sh, which starts one.";

    private readonly TempDirectory directory = new();
    private readonly List<(ReachDatabase Database, string? Postgres)> databases = [];

    /// <summary>The kinds a theory runs on.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["sqlite", "postgres"];

    /// <summary>A migrated store of this kind ("sqlite" or "postgres"); null for PostgreSQL when no server runs.</summary>
    public async Task<ReachDatabase?> CreateAsync(string kind)
    {
        string connectionString;
        string? postgres = null;
        if (kind == "postgres")
        {
            if (PostgresServer.AdminConnectionString is not { } admin)
            {
                return null;
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
        return database;
    }

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
}
