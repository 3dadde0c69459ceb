using Npgsql;

namespace Reach.Testing;

/// <summary>
/// The PostgreSQL server the test script starts (<c>REACH_TEST_POSTGRES</c>, an admin connection string).
/// Each test database is created fresh and dropped afterwards.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "REACH_TEST_POSTGRES";

    /// <summary>
    /// The admin connection string, or null on a developer machine without a server. Under CI
    /// (<c>CI=true</c>) a missing server is an error, never a skip.
    /// </summary>
    public static string? AdminConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(value) && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{Variable} is not set under CI: the test script must start PostgreSQL.");
            }

            return string.IsNullOrWhiteSpace(value) ? null : value;
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string admin)
    {
        var name = "reach_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString();
    }

    public static async Task DropDatabaseAsync(string admin, string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
