using System.Net;
using System.Text.Json;

namespace Reach.Web.Tests.Hosting;

public class HealthTests
{
    /// <summary>Asks until the scheduler has left its "starting" state (it starts just after the host).</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetHealthAsync(ReachAppFactory factory)
    {
        using var client = factory.CreateClient();
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
            var starting = body.GetProperty("checks").GetProperty("scheduler").GetProperty("description").GetString()!.EndsWith("is starting", StringComparison.Ordinal);
            if (!starting || attempt == 50)
            {
                return (response.StatusCode, body);
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_fresh_start_migrates_the_store_publishes_the_demo_pack_and_reports_healthy()
    {
        await using var factory = new ReachAppFactory();
        factory.Settings["Scheduler:Enabled"] = "true";

        var (status, body) = await GetHealthAsync(factory);

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").GetProperty("store").GetProperty("description").GetString()
            .ShouldBe("sqlite, schema 13/13, content published for 2 organisation(s): cssbse, sem");
        body.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task A_scheduler_turned_off_is_reported_as_degraded_not_hidden()
    {
        await using var factory = new ReachAppFactory();

        var (status, body) = await GetHealthAsync(factory);

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetString().ShouldBe("Degraded");
        body.GetProperty("checks").GetProperty("scheduler").GetProperty("description").GetString()
            .ShouldBe("scheduler turned off by configuration (Scheduler:Enabled = false)");
    }

    [Fact]
    public async Task An_invalid_seed_pack_publishes_nothing_and_health_says_so()
    {
        await using var factory = new ReachAppFactory();
        using var broken = new Reach.Testing.TempDirectory();
        broken.Write("organisation.yaml", "organisation: {id: x, name: {fr: X}, timezone: Mars/Olympus, source_language: fr, languages: [fr]}");
        factory.Settings["Content:SeedPack"] = broken.Path;
        factory.Settings["Scheduler:Enabled"] = "true";

        var (status, body) = await GetHealthAsync(factory);

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString().ShouldBe("Degraded");
        body.GetProperty("checks").GetProperty("store").GetProperty("description").GetString()
            .ShouldBe("sqlite, schema 13/13, content published for 0 organisation(s): ");
    }
}
