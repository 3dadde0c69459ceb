using System.Globalization;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Reach.Bot.Hosting;
using Reach.Content.Hosting;
using Reach.Content.Packs;
using Reach.Content.Storage;
using Reach.Notifications.Delivery;
using Reach.Notifications.Scheduling;
using Reach.Testing;

namespace Reach.Benchmarks.Load;

/// <summary>
/// Reach's own service registrations (content, notifications, bot) on a fresh store, the host never started:
/// no Quartz, no pollers; the dispatcher is run by <see cref="DispatchLoop"/>. The delivery channels are replaced by
/// <see cref="RecordingChannel"/>s, so every other service (outbox, contacts, renderer, rate gate) is the real one.
/// </summary>
internal sealed class LoadHost : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string? postgresAdmin;
    private readonly string? postgresDatabase;
    private readonly TempDirectory? directory;

    private LoadHost(IHost host, string description, string? postgresAdmin, string? postgresDatabase, TempDirectory? directory)
    {
        this.host = host;
        Description = description;
        this.postgresAdmin = postgresAdmin;
        this.postgresDatabase = postgresDatabase;
        this.directory = directory;
    }

    public IServiceProvider Services => host.Services;

    public ReachDatabase Database => Services.GetRequiredService<ReachDatabase>();

    /// <summary>The store, without secrets.</summary>
    public string Description { get; }

    /// <summary>
    /// A fresh store (a SQLite file in a temporary folder, or a new database on the PostgreSQL server of
    /// <paramref name="postgresAdmin"/>), migrated, with the demo pack published. <paramref name="extraSql"/> (null for none)
    /// runs after the migrations: an experiment, such as an index the schema lacks.
    /// </summary>
    public static async Task<LoadHost> StartAsync(string? postgresAdmin, string? extraSql, IReadOnlyDictionary<string, double> ratePerSecond, IReadOnlyList<RecordingChannel> channels, CancellationToken cancellationToken)
    {
        TempDirectory? directory = null;
        string description;
        string? database = null;
        string connectionString;
        if (postgresAdmin is null)
        {
            directory = new TempDirectory();
            connectionString = $"Data Source={Path.Combine(directory.Path, "reach.db")}";
        }
        else
        {
            // Unlike the tests' databases, pooled: as Reach runs.
            database = "reach_bench_" + Guid.NewGuid().ToString("N")[..12];
            await AdminAsync(postgresAdmin, $"CREATE DATABASE {database}", cancellationToken);
            connectionString = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = database, Pooling = true }.ToString();
        }

        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Reach"] = connectionString,
            ["Scheduler:Enabled"] = "false",
            ["Scheduler:Store"] = "memory",
            ["Content:SeedPack"] = string.Empty,

            // No quiet hours: the run happens at whatever time of day, and a deferred message would not be late.
            ["Reminders:QuietFrom"] = "00:00",
            ["Reminders:QuietTo"] = "00:00",
        };
        foreach (var (channel, rate) in ratePerSecond)
        {
            settings[$"Delivery:RatePerSecond:{channel}"] = rate.ToString(CultureInfo.InvariantCulture);
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = RepositoryPaths.Root });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddReachContent();
        builder.AddReachNotifications();
        builder.AddReachBot();
        builder.Services.RemoveAll<IDeliveryChannel>();
        foreach (var channel in channels)
        {
            builder.Services.AddSingleton<IDeliveryChannel>(channel);
        }

        var host = builder.Build();
        var reach = host.Services.GetRequiredService<ReachDatabase>();
        await using (var connection = await reach.OpenAsync(cancellationToken))
        {
            var durability = reach.Dialect == StoreDialect.Sqlite
                ? $"journal_mode {await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode")}, synchronous {await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")} (0 off, 1 normal, 2 full)"
                : $"PostgreSQL {await connection.ExecuteScalarAsync<string>("SHOW server_version")}, fsync {await connection.ExecuteScalarAsync<string>("SHOW fsync")}, synchronous_commit {await connection.ExecuteScalarAsync<string>("SHOW synchronous_commit")}";
            description = $"{reach.Description} ({durability})" + (string.IsNullOrWhiteSpace(extraSql) ? string.Empty : $"; EXPERIMENT, after the migrations: {extraSql}");
        }

        var loadHost = new LoadHost(host, description, postgresAdmin, database, directory);
        await host.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(extraSql))
        {
            await using var connection = await reach.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(extraSql);
        }
        var store = host.Services.GetRequiredService<IContentStore>();
        foreach (var content in PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack!.Organisations)
        {
            await store.PublishAsync(content, "bench", null, cancellationToken);
        }

        return loadHost;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory?.Dispose();
        if (postgresAdmin is not null && postgresDatabase is not null)
        {
            await AdminAsync(postgresAdmin, $"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", CancellationToken.None);
        }
    }

    private static async Task AdminAsync(string admin, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
