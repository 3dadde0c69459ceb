using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Reach.Content.Storage;

/// <summary>
/// The one database of a Reach process: opens connections for the configured dialect.
/// SQLite connections get WAL mode, foreign keys and a busy timeout; PostgreSQL uses one pooled data source.
/// </summary>
public sealed class ReachDatabase : IAsyncDisposable
{
    private static int initialized;
    private readonly NpgsqlDataSource? dataSource;
    private readonly string? sqliteConnectionString;
    private readonly int busyTimeoutMs;

    private ReachDatabase(StoreDialect dialect, NpgsqlDataSource? dataSource, string? sqliteConnectionString, TimeSpan busyTimeout)
    {
        Dialect = dialect;
        this.dataSource = dataSource;
        this.sqliteConnectionString = sqliteConnectionString;
        busyTimeoutMs = (int)busyTimeout.TotalMilliseconds;
    }

    public StoreDialect Dialect { get; }

    /// <summary>A short description without secrets, for health reports and logs.</summary>
    public string Description { get; private init; } = string.Empty;

    /// <summary>PostgreSQL when <paramref name="connectionString"/> names a host, else the SQLite file.</summary>
    public static ReachDatabase Create(string? connectionString, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Initialize();
        if (!string.IsNullOrWhiteSpace(connectionString) && connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return new ReachDatabase(StoreDialect.Postgres, NpgsqlDataSource.Create(connectionString), null, options.SqliteBusyTimeout)
            {
                Description = $"postgresql {builder.Host}:{builder.Port}/{builder.Database}",
            };
        }

        var path = string.IsNullOrWhiteSpace(connectionString)
            ? Path.GetFullPath(options.SqlitePath)
            : new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var sqlite = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private, Pooling = true };
        return new ReachDatabase(StoreDialect.Sqlite, null, sqlite.ToString(), options.SqliteBusyTimeout)
        {
            Description = $"sqlite {path}",
        };
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (dataSource is not null)
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync($"PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {busyTimeoutMs};");
        return connection;
    }

    /// <summary>Starts a transaction that holds the write lock from the start (SQLite BEGIN IMMEDIATE).</summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
    }

    private static void Initialize()
    {
        if (Interlocked.Exchange(ref initialized, 1) == 0)
        {
            SQLitePCL.Batteries_V2.Init();
            SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        }
    }
}
