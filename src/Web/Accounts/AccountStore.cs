using Dapper;
using Microsoft.AspNetCore.Identity;
using Reach.Content.Storage;

namespace Reach.Web.Accounts;

/// <summary>
/// Accounts in the Reach database. Passwords are hashed with ASP.NET Core Identity's hasher; after
/// <see cref="MaxFailures"/> wrong passwords in a row an account is locked for <see cref="LockoutTime"/>.
/// </summary>
public sealed class AccountStore(ReachDatabase database, TimeProvider timeProvider)
{
    public const int MaxFailures = 5;
    public const int MinPasswordLength = 12;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    private const string Columns = """
        id AS Id, organisation_id AS OrganisationId, email AS Email, display_name AS DisplayName, roles AS Roles, language AS Language,
        password_hash AS PasswordHash, failed_logins AS FailedLogins, locked_until AS LockedUntil, disabled AS Disabled
        """;

    private readonly PasswordHasher<string> hasher = new();

    /// <summary>Creates an account; null and a message when the email is taken or the password too short.</summary>
    public async Task<(Account? Account, string? Error)> CreateAsync(string organisationId, string email, string displayName, IReadOnlyList<string> roles, string language, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(roles);
        var normalized = email.Trim().ToLowerInvariant();
        if (!normalized.Contains('@', StringComparison.Ordinal))
        {
            return (null, $"'{email}' is not an email address.");
        }

        if (password.Length < MinPasswordLength)
        {
            return (null, $"The password must have at least {MinPasswordLength} characters.");
        }

        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            return (null, $"Roles must be among {string.Join(", ", Roles.All)}.");
        }

        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(
            """
            INSERT INTO accounts (organisation_id, email, display_name, roles, language, password_hash, created_at, updated_at)
            VALUES (@organisationId, @normalized, @displayName, @roles, @language, @hash, @now, @now)
            ON CONFLICT (email) DO NOTHING
            RETURNING id
            """,
            new { organisationId, normalized, displayName, roles = string.Join(',', roles), language, hash = hasher.HashPassword(normalized, password), now });
        if (id is null)
        {
            return (null, $"There is already an account for {normalized}.");
        }

        return (await FindAsync(id.Value, cancellationToken), null);
    }

    /// <summary>Checks a password: a locked or disabled account never signs in; wrong passwords count towards the lockout.</summary>
    public async Task<(SignInOutcome Outcome, Account? Account)> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = (email ?? string.Empty).Trim().ToLowerInvariant();
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM accounts WHERE email = @normalized", new { normalized });
        if (row is null)
        {
            // The same work as for a real account, so that timing does not tell which emails exist.
            hasher.VerifyHashedPassword(normalized, DummyHash, password ?? string.Empty);
            return (SignInOutcome.Wrong, null);
        }

        if (row.LockedUntil is { } locked && locked > now)
        {
            return (SignInOutcome.LockedOut, null);
        }

        if (row.Disabled || hasher.VerifyHashedPassword(normalized, row.PasswordHash, password ?? string.Empty) == PasswordVerificationResult.Failed)
        {
            var failures = row.FailedLogins + 1;
            await connection.ExecuteAsync(
                "UPDATE accounts SET failed_logins = @failures, locked_until = @until, updated_at = @now WHERE id = @Id",
                new { failures = failures >= MaxFailures ? 0 : failures, until = failures >= MaxFailures ? now + LockoutTime : (DateTimeOffset?)null, row.Id, now });
            return (failures >= MaxFailures ? SignInOutcome.LockedOut : SignInOutcome.Wrong, null);
        }

        await connection.ExecuteAsync("UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id = @Id", new { row.Id });
        return (SignInOutcome.Success, row.ToAccount());
    }

    public async Task<Account?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM accounts WHERE id = @id", new { id }))?.ToAccount();
    }

    public async Task<IReadOnlyList<Account>> ListAsync(string organisationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM accounts WHERE organisation_id = @organisationId ORDER BY display_name", new { organisationId });
        return rows.Select(r => r.ToAccount()).ToList();
    }

    private static readonly string DummyHash = new PasswordHasher<string>().HashPassword("nobody", Guid.NewGuid().ToString());

    private sealed class Row
    {
        public long Id { get; set; }

        public string OrganisationId { get; set; } = string.Empty;

        public string Email { get; set; } = string.Empty;

        public string DisplayName { get; set; } = string.Empty;

        public string Roles { get; set; } = string.Empty;

        public string Language { get; set; } = "fr";

        public string PasswordHash { get; set; } = string.Empty;

        public long FailedLogins { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }

        public bool Disabled { get; set; }

        public Account ToAccount() => new(Id, OrganisationId, Email, DisplayName, Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), Language)
        {
            Disabled = Disabled,
            LockedUntil = LockedUntil,
        };
    }
}
