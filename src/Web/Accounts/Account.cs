namespace Reach.Web.Accounts;

/// <summary>A staff member's or coordinator's account: one organisation, one or more roles.</summary>
public sealed record Account(long Id, string OrganisationId, string Email, string DisplayName, IReadOnlyList<string> Roles, string Language)
{
    public bool Disabled { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);
}

/// <summary>The roles: admin (accounts, settings, audit), coordinator (content), staff (appointments, broadcasts, inbox).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Coordinator = "coordinator";
    public const string Staff = "staff";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Staff];
}

/// <summary>The outcome of a sign-in attempt.</summary>
public enum SignInOutcome
{
    Success,
    Wrong,
    LockedOut,
}
