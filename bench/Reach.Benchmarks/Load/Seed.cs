using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using Reach.Content.Storage;

namespace Reach.Benchmarks.Load;

/// <summary>Rows written straight into the store's tables (setup, not measured), 100 rows a statement.</summary>
internal static class Seed
{
    public static readonly string[] Languages = ["fr", "ar", "uk", "es", "en"];

    /// <summary>Inserts contacts and returns their ids in the order given.</summary>
    public static async Task<long[]> ContactsAsync(ReachDatabase database, IReadOnlyList<(string OrganisationId, string Channel, string Address, string Language)> contacts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(contacts);
        var rows = contacts.Select(c => new object?[] { c.OrganisationId, c.Channel, c.Address, c.Language, "ready", false, now, now }).ToList();
        await InsertAsync(database, "contacts", ["organisation_id", "channel", "address", "language", "stage", "opted_out", "created_at", "updated_at"], rows, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<(string OrganisationId, string Channel, string Address, long Id)>(
            "SELECT organisation_id, channel, address, id FROM contacts")).ToDictionary(r => (r.OrganisationId, r.Channel, r.Address), r => r.Id);
        return contacts.Select(c => ids[(c.OrganisationId, c.Channel, c.Address)]).ToArray();
    }

    /// <summary>Inserts booked appointments (contact, organisation, language, start) and returns their ids in the order given.</summary>
    public static async Task<long[]> AppointmentsAsync(ReachDatabase database, IReadOnlyList<(long ContactId, string OrganisationId, string Language, DateTimeOffset StartsAt)> appointments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(appointments);
        var rows = appointments.Select(a => new object?[] { a.OrganisationId, a.ContactId, a.Language, "social", a.StartsAt, "booked", now, now }).ToList();
        await InsertAsync(database, "appointments", ["organisation_id", "contact_id", "language", "service_id", "starts_at", "status", "created_at", "updated_at"], rows, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<(long ContactId, long Id)>("SELECT contact_id, id FROM appointments")).ToDictionary(r => r.ContactId, r => r.Id);
        return appointments.Select(a => ids[a.ContactId]).ToArray();
    }

    public static Task SubscriptionsAsync(ReachDatabase database, IEnumerable<long> contactIds, string topic, DateTimeOffset now, CancellationToken cancellationToken) =>
        InsertAsync(database, "subscriptions", ["contact_id", "topic", "created_at"], contactIds.Select(id => new object?[] { id, topic, now }).ToList(), cancellationToken);

    /// <summary>Inserts rows in one transaction and returns their new ids in the order given (ids grow with each row inserted).</summary>
    public static async Task<long[]> InsertReturningIdsAsync(ReachDatabase database, string table, string[] columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await database.OpenAsync(cancellationToken);
        var before = await connection.ExecuteScalarAsync<long>($"SELECT COALESCE(MAX(id), 0) FROM {table}");
        await InsertAsync(database, table, columns, rows, cancellationToken);
        var ids = (await connection.QueryAsync<long>($"SELECT id FROM {table} WHERE id > @before ORDER BY id", new { before })).ToArray();
        return ids.Length == rows.Count ? ids : throw new InvalidOperationException($"{table}: {rows.Count} rows inserted but {ids.Length} new ids found.");
    }

    public static async Task InsertAsync(ReachDatabase database, string table, string[] columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await ReachDatabase.BeginWriteAsync(connection, cancellationToken);
        foreach (var chunk in rows.Chunk(100))
        {
            await InsertChunkAsync(connection, transaction, table, columns, chunk);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task InsertChunkAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns, object?[][] chunk)
    {
        var sql = new StringBuilder().Append(CultureInfo.InvariantCulture, $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        var parameters = new DynamicParameters();
        for (var r = 0; r < chunk.Length; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"p{r}_{c}");
                sql.Append(c == 0 ? "@" : ", @").Append(name);
                parameters.Add(name, chunk[r][c] is DateTimeOffset at ? at.ToUniversalTime() : chunk[r][c]);
            }

            sql.Append(')');
        }

        await connection.ExecuteAsync(sql.ToString(), parameters, transaction);
    }
}
