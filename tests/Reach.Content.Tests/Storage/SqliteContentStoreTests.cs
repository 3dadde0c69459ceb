using Reach.Testing;

namespace Reach.Content.Tests.Storage;

public sealed class SqliteContentStoreTests : ContentStoreContract
{
    private readonly TempDirectory directory = new();

    protected override Task<string?> CreateDatabaseAsync() =>
        Task.FromResult<string?>($"Data Source={Path.Combine(directory.Path, Guid.NewGuid().ToString("N") + ".db")}");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }
}
