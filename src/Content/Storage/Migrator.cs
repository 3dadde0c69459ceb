using System.Globalization;
using Dapper;

namespace Reach.Content.Storage;

/// <summary>
/// Applies the numbered SQL files of the database's dialect in order, each in its own transaction,
/// and records them in <c>schema_migrations</c>. Several processes may start at once: PostgreSQL
/// serialises them with an advisory lock, SQLite with its write lock.
/// </summary>
public sealed class Migrator(ReachDatabase database, TimeProvider timeProvider)
{
    private const long AdvisoryLockKey = 0x5245_4143_48; // "REACH"

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts(StoreDialect dialect)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Storage.Migrations.{dialect}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..^4];
                var version = int.Parse(name[..name.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (version, name, reader.ReadToEnd());
            })
            .OrderBy(s => s.version)
            .ToList();
    }

    /// <summary>Brings the schema up to <paramref name="upTo"/> (default: the newest) and returns the versions applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken, int? upTo = null)
    {
        var applied = new List<int>();
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var (version, name, sql) in Scripts(database.Dialect).Where(s => upTo is null || s.Version <= upTo))
        {
            await using var transaction = await ReachDatabase.BeginWriteAsync(connection, cancellationToken);
            if (database.Dialect == StoreDialect.Postgres)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryLockKey }, transaction);
            }

            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)",
                transaction: transaction);
            var done = await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version }, transaction);
            if (done == 0)
            {
                await connection.ExecuteAsync(sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                    new { version, name, at = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
                    transaction);
                applied.Add(version);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return applied;
    }

    /// <summary>The highest applied version, or 0 on an empty database.</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var exists = database.Dialect == StoreDialect.Postgres
            ? await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('schema_migrations') IS NOT NULL")
            : await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") > 0;
        return exists ? await connection.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations") : 0;
    }
}
