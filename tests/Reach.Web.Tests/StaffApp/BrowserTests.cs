using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reach.Notifications.Contacts;
using Reach.Notifications.Broadcasts;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>
/// The web app in the machine's Chromium (REACH_CHROMIUM, installed by test.sh from Debian), as a coordinator and
/// a social worker use it: sign in, publish an Arabic answer and see the bot use it, record an appointment and see
/// its reminders, preview a broadcast, answer a person; on a 1366×768 laptop and on a phone.
/// </summary>
[Collection(nameof(BrowserTests))]
[CollectionDefinition(nameof(BrowserTests), DisableParallelization = true)]
public sealed class BrowserTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private ReachAppFactory factory = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private string baseUrl = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("REACH_CHROMIUM");
        if (string.IsNullOrEmpty(chromium) || !File.Exists(chromium))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("REACH_CHROMIUM must name the Chromium executable under CI (test.sh installs Debian's chromium).");
            }

            Assert.Skip("REACH_CHROMIUM is not set: browser tests need Chromium (bash test.sh installs it).");
        }

        factory = new ReachAppFactory();
        factory.Settings["urls"] = "http://127.0.0.1:0";
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        baseUrl = address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal); // localhost is a secure context: secure cookies work
        await StaffAppHost.AccountAsync(factory, "amina@sem.example", "sem", Roles.Coordinator, Roles.Staff);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    private async Task<IPage> SignedInPageAsync(int width = 1366, int height = 768)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff");

        await page.GetByLabel("Email").FillAsync("amina@sem.example");
        await page.GetByLabel("Password").FillAsync(StaffAppHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Today" }).WaitForAsync();
        return page;
    }

    [Fact]
    public async Task A_coordinator_publishes_an_Arabic_answer_and_the_web_chat_answers_with_it()
    {
        var page = await SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Content", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "questions and answers" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "quels papiers apporter" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "je dois amener quoi ?" })).First.ClickAsync();
        var arabic = page.Locator("#a-ar");
        (await arabic.GetAttributeAsync("dir")).ShouldBe("rtl");
        await arabic.FillAsync("أحضر بطاقة الإقامة وآخر رسالة من البلدية.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Published as version 2.");

        var chat = await page.Context.NewPageAsync();
        await chat.GotoAsync("/chat");
        await chat.Locator("#text").FillAsync("ماذا يجب أن أحضر معي؟");
        await chat.Locator("#text").PressAsync("Enter");
        await chat.GetByText("أحضر بطاقة الإقامة وآخر رسالة من البلدية.").WaitForAsync();
    }

    [Fact]
    public async Task A_social_worker_records_an_appointment_and_sees_its_reminders_planned()
    {
        var page = await SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Appointments" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New appointment" }).ClickAsync();
        await page.GetByLabel("Phone number").FillAsync("0470 12 34 56");
        await page.GetByLabel("First name").FillAsync("Olena");
        await page.GetByLabel("Their language").SelectOptionAsync("uk");
        await page.GetByLabel("Day").FillAsync("2026-12-04");
        await page.GetByLabel("Time").FillAsync("10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and plan the reminders" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Appointment 1" }).WaitForAsync();
        var rows = await page.Locator("table tbody tr").AllInnerTextsAsync();
        rows.Select(r => r.Replace("\t", " | ", StringComparison.Ordinal)).ShouldBe([
            "reminder 1d@18:00 | 03/12 18:00 | planned | — | ",
            "reminder 2h | 04/12 08:00 | planned | — | ",
        ]);
    }

    [Fact]
    public async Task A_social_worker_signs_a_person_up_for_a_session_once_the_consent_box_is_ticked()
    {
        var page = await SignedInPageAsync(390, 844);
        await page.GotoAsync("/staff/sessions");
        await page.GetByRole(AriaRole.Link, new() { Name = "15/01/2027" }).ClickAsync();
        await page.GetByLabel("Phone number").FillAsync("0470 12 34 56");
        await page.GetByLabel("First name").FillAsync("أمينة");
        await page.GetByLabel("Their language").SelectOptionAsync("ar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        (await page.GetByLabel("The person agreed to be signed up and to receive reminders").EvaluateAsync<bool>("box => box.validity.valueMissing")).ShouldBeTrue("the browser asks for the box first");

        await page.GetByLabel("The person agreed to be signed up and to receive reminders").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();

        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("أمينة is signed up. The reminders are planned and the person is told.");
        var row = page.Locator("table tbody tr").First;
        (await row.Locator("td").First.InnerTextAsync()).ShouldBe("أمينة");
        (await row.Locator("td").Nth(1).InnerTextAsync()).ShouldBe("+32470123456");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth")).ShouldBeFalse("the page fits a phone screen");
    }

    [Fact]
    public async Task A_social_worker_previews_a_broadcast_before_sending_it()
    {
        var contacts = factory.Services.GetRequiredService<IContactStore>();
        var person = await contacts.GetOrCreateAsync("sem", "sms", "+32470000009", null, None);
        await contacts.SaveAsync(person with { Language = "ar" }, None);
        await factory.Services.GetRequiredService<SubscriptionStore>().SubscribeAsync(person.Id, "news", None);
        var page = await SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Broadcast" }).ClickAsync();
        await page.GetByLabel("Text in fr (source)").FillAsync("Fermé ce vendredi.");
        await page.GetByLabel("Text in ar").FillAsync("مغلق يوم الجمعة.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        (await preview.InnerTextAsync()).ShouldContain("1 recipient(s): 1 by sms");
        (await preview.InnerTextAsync()).ShouldContain("مغلق يوم الجمعة.");
    }

    [Fact]
    public async Task A_social_worker_answers_a_person_from_the_inbox()
    {
        var contacts = factory.Services.GetRequiredService<IContactStore>();
        var person = await contacts.GetOrCreateAsync("sem", "web", "browser-test", "Sam", None);
        await contacts.SaveAsync(person with { Language = "es", Stage = "ready" }, None);
        await contacts.OpenHandoffAsync(person.Id, "sem", "asked for a person", None);
        await contacts.AddMessageAsync(person.Id, "in", "tengo una carta del CPAS", None);
        var page = await SignedInPageAsync(width: 390, height: 844);

        await page.GotoAsync("/staff/inbox");
        await page.GetByRole(AriaRole.Link).Filter(new() { HasText = "/" }).Last.ClickAsync();
        await page.GetByLabel("Your answer").FillAsync("Hola Sam, venga el martes.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldStartWith("Recorded, but not sent");
        (await page.GetByRole(AriaRole.List, new() { Name = "Messages" }).InnerTextAsync()).ShouldContain("Hola Sam, venga el martes.");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        overflow.ShouldBeFalse("the page fits a phone screen");
    }

    [Fact]
    public async Task Pages_fit_a_laptop_and_a_phone_without_sideways_scrolling()
    {
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            var page = await SignedInPageAsync(width, height);
            foreach (var path in new[] { "/staff", "/staff/appointments", "/staff/appointments/new", "/staff/sessions", "/staff/sessions/sem-cooking-workshop/sem-cooking-2027-01-15", "/staff/broadcasts/new", "/staff/inbox", "/staff/closure", "/staff/dashboard", "/content/faq", "/content/faq/sem-faq-bring", "/content", "/content/draft", "/content/services/sem-social-desk", "/content/activities/sem-article27-theatre", "/content/referrals/sem-ref-cpas-gembloux", "/content/safety/sem-safety-violence" })
            {
                (await page.GotoAsync(path))!.Status.ShouldBe(200, path);
                (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth")).ShouldBeFalse($"{path} at {width}x{height}");
                (await page.Locator("h1").CountAsync()).ShouldBe(1, $"{path} has one main heading");
            }
        }
    }
}
