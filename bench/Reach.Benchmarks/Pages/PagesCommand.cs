using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Dapper;
using Npgsql;
using Reach.Content.Storage;
using Reach.Testing;

namespace Reach.Benchmarks.Pages;

/// <summary>
/// <c>pages</c>: a fresh store (SQLite, or a new database on a PostgreSQL server), the real Reach executable started on
/// it (it migrates the store and publishes the demo content, as on any first start), then the volumes of
/// <see cref="PageSeed"/> written into it, then <see cref="PageBenchmarks"/> run by BenchmarkDotNet against that
/// server with a signed-in account. Everything is removed at the end.
/// </summary>
internal static class PagesCommand
{
    private static readonly string[] Own = ["postgres", "people", "messages", "handoffs", "appointments", "questions", "audit", "pages", "requests", "keep", "web"];

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "pages";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var (options, benchmarkArgs) = Split(args);
        int Number(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
        var volumes = new SeedVolumes(
            Number("people", 10_000), Number("messages", 50_000), Number("handoffs", 300), Number("appointments", 3_000), Number("questions", 3_000), Number("audit", 20_000));
        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "unknown";
        await output.WriteLineAsync($"machine: {Environment.ProcessorCount} CPUs, load average at start {load}; .NET {Environment.Version}");

        using var cancel = new CancellationTokenSource();

        // --keep true leaves the store (and a PostgreSQL database on a server of your own) for a look at query plans.
        var keep = options.GetValueOrDefault("keep") == "true";
        using var temporary = keep ? null : new TempDirectory();
        var folder = temporary?.Path ?? Directory.CreateTempSubdirectory("reach-pages-").FullName;
        var postgres = options.GetValueOrDefault("postgres");
        var database = postgres is null ? null : "reach_pages_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = postgres is null
            ? $"Data Source={Path.Combine(folder, "reach.db")}"
            : new NpgsqlConnectionStringBuilder(postgres) { Database = database, Pooling = true }.ToString();
        if (database is not null)
        {
            await AdminAsync(postgres!, $"CREATE DATABASE {database}", cancel.Token);
        }

        try
        {
            using var web = await WebProcess.StartAsync(connectionString, folder, options.GetValueOrDefault("web"), cancel.Token);
            await output.WriteLineAsync($"Reach.Web listening at {web.Url} (log: {web.LogPath}); the demo content published by the host on the empty store");
            await using var store = ReachDatabase.Create(connectionString, new StorageOptions());
            var password = Convert.ToHexString(Guid.NewGuid().ToByteArray());
            var watch = Stopwatch.StartNew();
            var targets = await new PageSeed(store, volumes, TimeProvider.System.GetUtcNow(), cancel.Token).RunAsync(password, output);
            await output.WriteLineAsync($"seeded in {watch.Elapsed.TotalSeconds:0.0} s: {await CountsAsync(store)}");
            await output.WriteLineAsync($"store: {store.Description}{(keep ? " (kept)" : string.Empty)}; opened: {targets}");

            var run = new PageRun(web.Url, PageSeed.Email, password, targets, options.GetValueOrDefault("pages"));
            Environment.SetEnvironmentVariable(PageRun.Variable, run.ToJson());
            if (!PageBenchmarks.Pages().Any())
            {
                await output.WriteLineAsync($"No page contains '{run.Only}': nothing measured.");
                return 0;
            }

            Environment.SetEnvironmentVariable(PageBenchmarks.RequestsVariable, options.GetValueOrDefault("requests"));
            var artifacts = Path.Combine(RepositoryPaths.Root, "bench", "BenchmarkDotNet.Artifacts", postgres is null ? "pages-sqlite" : "pages-postgres");
            BenchmarkRunner.Run<PageBenchmarks>(PageBenchmarks.Config(artifacts), benchmarkArgs);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (database is not null && !keep)
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync(postgres!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None);
            }
        }

        return 0;
    }

    /// <summary>Our options (<c>--name value</c>) apart from BenchmarkDotNet's, which are passed on as they are.</summary>
    private static (Dictionary<string, string> Options, string[] Others) Split(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && Own.Contains(args[i][2..]) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (options, rest.ToArray());
    }

    private static async Task<string> CountsAsync(ReachDatabase store)
    {
        string[] tables = ["contacts", "messages", "handoffs", "appointments", "outbox", "unanswered_questions", "signups", "subscriptions", "broadcasts", "audit_log", "accounts"];
        await using var connection = await store.OpenAsync(CancellationToken.None);
        var counts = new List<string>();
        foreach (var table in tables)
        {
            counts.Add($"{table} {await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"):N0}");
        }

        var open = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM handoffs WHERE closed_at IS NULL");
        return string.Join(", ", counts) + $" ({open:N0} handoffs open)";
    }

    private static async Task AdminAsync(string admin, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
