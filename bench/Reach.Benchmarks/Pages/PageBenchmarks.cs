using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Reach.Benchmarks.Pages;

/// <summary>
/// One GET of a page of the staff and coordinators' web app per operation, through HTTP on loopback to the real Reach
/// process the pages command started, signed in as an account with every role (admin, coordinator, staff) of sem: the
/// time until the whole page has arrived. Each iteration is one request, so the median and P95 are those of single
/// requests. Run only by the pages command (bench/README.md), in its own process.
/// </summary>
public partial class PageBenchmarks : IDisposable
{
    public const string RequestsVariable = "REACH_BENCH_PAGES_REQUESTS";

    /// <summary>Every page a signed-in account GETs in src/Web/Pages; braces are filled from the seeded store.</summary>
    private static readonly string[] All =
    [
        "/staff",
        "/staff/appointments?date={day}",
        "/staff/appointments?view=week&date={day}",
        "/staff/appointments/{appointment}",
        "/staff/appointments/new",
        "/staff/broadcasts/new",
        "/staff/broadcasts/{broadcast}",
        "/staff/inbox",
        "/staff/inbox/{conversation}",
        "/staff/questions",
        "/staff/closure",
        "/staff/sessions",
        "/staff/sessions/sem-cooking-workshop/sem-cooking-2027-01-15",
        "/staff/dashboard",
        "/content",
        "/content/draft",
        "/content/services/sem-social-desk",
        "/content/activities/sem-cooking-workshop",
        "/content/referrals/sem-ref-cpas-gembloux",
        "/content/safety/sem-safety-violence",
        "/content/faq",
        "/content/faq/{faq}",
        "/content/faq/new",
        "/content/translations",
        "/content/packs",
        "/admin/accounts",
        "/admin/audit",
    ];

    private HttpClient client = null!;
    private string path = string.Empty;

    [ParamsSource(nameof(Pages))]
    public string Page { get; set; } = string.Empty;

    /// <summary>The pages, or those containing the pages command's <c>--pages</c> text.</summary>
    public static IEnumerable<string> Pages()
    {
        var only = Environment.GetEnvironmentVariable(PageRun.Variable) is { Length: > 0 } ? PageRun.FromEnvironment().Only : null;
        return All.Where(p => only is null || p.Contains(only, StringComparison.Ordinal));
    }

    public static IConfig Config(string artifacts)
    {
        var requests = int.TryParse(Environment.GetEnvironmentVariable(RequestsVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 40;
        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(5)
                .WithIterationCount(requests)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)

                // In this process: the client only sends requests and reads pages; the measured work is in the Reach process.
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("page"))
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max)
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(Perfolizer.Horology.TimeUnit.Millisecond).WithMaxParameterColumnWidth(48))
            .WithArtifactsPath(artifacts);
    }

    /// <summary>Synchronous: the in-process toolchain does not wait for an asynchronous setup before it measures.</summary>
    [GlobalSetup]
    public void SignIn() => SignInAsync().GetAwaiter().GetResult();

    private async Task SignInAsync()
    {
        var run = PageRun.FromEnvironment();
        path = run.Targets.Fill(Page);
        client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(run.Url),
        };
        var login = await client.GetStringAsync("/account/login");
        var token = Token().Match(login).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = run.Email,
            ["password"] = run.Password,
            ["__RequestVerificationToken"] = token,
        });
        using var signedIn = await client.PostAsync("/account/login", form);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {run.Email} answered {(int)signedIn.StatusCode}.");
        }

        await GetAsync();
    }

    [Benchmark]
    public async Task<int> GetAsync()
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
        }

        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            client?.Dispose();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
