using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Admin;

/// <summary>The organisation's accounts; an admin creates one for a colleague with their roles.</summary>
public sealed class AccountsModel(AccountStore accounts, AuditLog audit) : PageModel
{
    public IReadOnlyList<Reach.Web.Accounts.Account> Accounts { get; private set; } = [];

    public string? Error { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await accounts.ListAsync(User.Organisation(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(string name, string email, string[]? roles, string? language, string password, CancellationToken cancellationToken)
    {
        var (account, error) = await accounts.CreateAsync(User.Organisation(), email, name, roles ?? [], string.IsNullOrWhiteSpace(language) ? "fr" : language.Trim(), password, cancellationToken);
        if (account is null)
        {
            Error = error;
            Accounts = await accounts.ListAsync(User.Organisation(), cancellationToken);
            return Page();
        }

        await audit.WriteAsync(account.OrganisationId, User.Actor(), "account.create", $"{account.Email} ({string.Join(",", account.Roles)})", cancellationToken);
        Message = $"Account created for {account.Email}.";
        return Redirect("/admin/accounts");
    }
}
