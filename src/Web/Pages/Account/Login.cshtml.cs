using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Account;

/// <summary>Sign in with email and password; five wrong passwords lock the account for 15 minutes.</summary>
public sealed class LoginModel(AccountStore accounts, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Request.IsHttps && HttpContext.Connection.RemoteIpAddress is { } remote && !System.Net.IPAddress.IsLoopback(remote))
        {
            // A password and a session cookie never cross a network in clear.
            Message = "Sign in over HTTPS: this connection is not encrypted.";
            return Page();
        }

        var (outcome, account) = await accounts.SignInAsync(Email ?? string.Empty, Password ?? string.Empty, cancellationToken);
        if (outcome != SignInOutcome.Success || account is null)
        {
            Message = outcome == SignInOutcome.LockedOut
                ? "Too many wrong passwords: this account is locked for 15 minutes."
                : "Wrong email or password.";
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffAppExtensions.Principal(account));
        await audit.WriteAsync(account.OrganisationId, account.Email, "account.sign-in", "signed in", cancellationToken);
        var start = account.IsIn(Roles.Staff) ? "/staff" : account.IsIn(Roles.Coordinator) ? "/content/faq" : "/admin/accounts";
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : start);
    }
}
