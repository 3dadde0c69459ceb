using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

namespace Reach.Web.Accounts;

/// <summary>
/// The staff and coordinators' web app: server-rendered Razor Pages behind a cookie sign-in. Pages under
/// /staff need the staff role, /content the coordinator role, /admin the admin role; antiforgery is checked on
/// every form; the cookie is HTTP-only, same-site strict, expires after 8 hours without use, and is secure on
/// HTTPS (behind a proxy on the same machine, X-Forwarded-Proto says so). Signing in over plain HTTP is only
/// accepted from the machine itself (trying Reach locally).
/// </summary>
internal static class StaffAppExtensions
{
    public const string OrganisationClaim = "reach:org";
    public const string LanguageClaim = "reach:lang";

    public static WebApplicationBuilder AddStaffApp(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<Translations.TranslationStore>();
        builder.Services.AddSingleton<Dashboard.DashboardQueries>();
        builder.Services.AddSingleton<ContentEditing.ContentWorkspace>();
        builder.Services.AddTransient<ContentEditing.ItemTexts>();
        builder.Services.AddOptions<Translations.TranslatorOptions>().BindConfiguration(Translations.TranslatorOptions.Section);
        builder.Services.AddHttpClient<Translations.TranslatorClient>(c => c.Timeout = TimeSpan.FromSeconds(20));
        builder.Services.AddSingleton<Translations.ReadingTranslationCache>();
        builder.Services.AddTransient<Translations.ReadingTranslator>();
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Staff", Roles.Staff);
            options.Conventions.AuthorizeFolder("/Content", Roles.Coordinator);
            options.Conventions.AuthorizeFolder("/Admin", Roles.Admin);
        });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "reach.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "reach.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // Signed in without the role: a plain 403, not a redirect.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Staff, p => p.RequireRole(Roles.Staff))
            .AddPolicy(Roles.Coordinator, p => p.RequireRole(Roles.Coordinator))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));
        return builder;
    }

    public static WebApplication MapStaffApp(this WebApplication app)
    {
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseStatusCodePages("text/plain; charset=utf-8", "{0}: this page is not for this account.");
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        return app;
    }

    /// <summary>The organisation of the signed-in account: every page reads and writes only its data.</summary>
    public static string Organisation(this ClaimsPrincipal user) =>
        user.FindFirstValue(OrganisationClaim) ?? throw new InvalidOperationException("The account has no organisation.");

    public static string Actor(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? "unknown";

    public static ClaimsPrincipal Principal(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.DisplayName),
            new(ClaimTypes.Email, account.Email),
            new(OrganisationClaim, account.OrganisationId),
            new(LanguageClaim, account.Language),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
