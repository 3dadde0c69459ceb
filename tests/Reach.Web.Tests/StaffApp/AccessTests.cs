using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Reach.Notifications.Appointments;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>Who may see what: roles, anonymous visitors, forms without their token, another organisation's ids.</summary>
public sealed class AccessTests
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "/staff", Roles.Staff },
        { "/staff/appointments", Roles.Staff },
        { "/staff/appointments/new", Roles.Staff },
        { "/staff/sessions", Roles.Staff },
        { "/staff/sessions/sem-cooking-workshop/sem-cooking-2027-01-15", Roles.Staff },
        { "/staff/broadcasts/new", Roles.Staff },
        { "/staff/inbox", Roles.Staff },
        { "/staff/questions", Roles.Staff },
        { "/staff/closure", Roles.Staff },
        { "/staff/dashboard", Roles.Staff },
        { "/content/faq", Roles.Coordinator },
        { "/content/translations", Roles.Coordinator },
        { "/content/packs", Roles.Coordinator },
        { "/content/faq/sem-faq-bring", Roles.Coordinator },
        { "/content/faq/new", Roles.Coordinator },
        { "/content", Roles.Coordinator },
        { "/content/draft", Roles.Coordinator },
        { "/content/services/sem-social-desk", Roles.Coordinator },
        { "/content/services/new", Roles.Coordinator },
        { "/content/activities/sem-article27-theatre", Roles.Coordinator },
        { "/content/activities/new", Roles.Coordinator },
        { "/content/referrals/sem-ref-cpas-gembloux", Roles.Coordinator },
        { "/content/referrals/new", Roles.Coordinator },
        { "/content/safety/sem-safety-violence", Roles.Coordinator },
        { "/content/safety/new", Roles.Coordinator },
        { "/admin/accounts", Roles.Admin },
        { "/admin/audit", Roles.Admin },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_sends_anonymous_visitors_to_sign_in_refuses_other_roles_and_opens_for_its_role(string path, string role)
    {
        await using var factory = new ReachAppFactory();
        await StaffAppHost.AccountAsync(factory, "right@sem.example", "sem", role);
        await StaffAppHost.AccountAsync(factory, "other@sem.example", "sem", Roles.All.Where(r => r != role).ToArray());

        using var anonymous = StaffAppHost.Client(factory);
        using var anonymousResponse = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);
        anonymousResponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymousResponse.Headers.Location!.ToString().ShouldStartWith("https://localhost/account/login?ReturnUrl=");

        using var other = await StaffAppHost.SignedInAsync(factory, "other@sem.example");
        using var refused = await other.GetAsync(path, TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var right = await StaffAppHost.SignedInAsync(factory, "right@sem.example");
        using var opened = await right.GetAsync(path, TestContext.Current.CancellationToken);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var factory = new ReachAppFactory();
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        await StaffAppHost.AccountAsync(factory, "marie@sem.example", "sem", Roles.Staff);
        using var client = await StaffAppHost.SignedInAsync(factory, "marie@sem.example");

        using var forged = await client.PostAsync("/staff/appointments/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["phone"] = "0470 12 34 56", ["language"] = "fr", ["date"] = "2026-12-04", ["time"] = "10:00",
        }), TestContext.Current.CancellationToken);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var appointments = factory.Services.GetRequiredService<AppointmentService>();
        (await appointments.ListAsync("sem", Instant.FromUtc(2000, 1, 1, 0, 0), Instant.FromUtc(2100, 1, 1, 0, 0), TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Staff_of_one_organisation_cannot_open_another_organisations_appointment_by_its_id()
    {
        await using var factory = new ReachAppFactory();
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        await StaffAppHost.AccountAsync(factory, "marie@sem.example", "sem", Roles.Staff);
        var theirs = (await factory.Services.GetRequiredService<AppointmentService>().CreateAsync(
            new NewAppointment("cssbse", new LocalDateTime(2026, 12, 4, 10, 0), "fr") { Phone = "0470 12 34 56", Notes = "private" }, TestContext.Current.CancellationToken)).Appointment!;
        using var client = await StaffAppHost.SignedInAsync(factory, "marie@sem.example");

        using var response = await client.GetAsync($"/staff/appointments/{theirs.Id}", TestContext.Current.CancellationToken);
        using var cancel = await StaffAppHost.PostFormAsync(client, "/staff/appointments/new", $"/staff/appointments/{theirs.Id}", [], "Cancel");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        cancel.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.Services.GetRequiredService<AppointmentService>().FindAsync(theirs.Id, TestContext.Current.CancellationToken))!.Status.ShouldBe("booked");
        (await client.GetStringAsync("/staff/appointments?date=2026-12-04", TestContext.Current.CancellationToken)).ShouldNotContain("+32470123456");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        await using var factory = new ReachAppFactory();
        await StaffAppHost.AccountAsync(factory, "marie@sem.example", "sem", Roles.Staff);
        using var client = StaffAppHost.Client(factory);

        for (var i = 0; i < AccountStore.MaxFailures; i++)
        {
            using var wrong = await StaffAppHost.PostFormAsync(client, "/account/login", new() { ["email"] = "marie@sem.example", ["password"] = "not the password" });
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var locked = await StaffAppHost.PostFormAsync(client, "/account/login", new() { ["email"] = "marie@sem.example", ["password"] = StaffAppHost.Password });
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await locked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("this account is locked for 15 minutes");

        factory.Clock.Advance(AccountStore.LockoutTime + TimeSpan.FromSeconds(1));
        using var after = await StaffAppHost.PostFormAsync(client, "/account/login", new() { ["email"] = "marie@sem.example", ["password"] = StaffAppHost.Password });
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_http_only_and_same_site_strict()
    {
        await using var factory = new ReachAppFactory();
        await StaffAppHost.AccountAsync(factory, "marie@sem.example", "sem", Roles.Staff);
        using var client = StaffAppHost.Client(factory);

        using var response = await StaffAppHost.PostFormAsync(client, "/account/login", new() { ["email"] = "marie@sem.example", ["password"] = StaffAppHost.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("reach.auth=", StringComparison.Ordinal));
        cookie.ShouldContain("secure");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");
    }
}
