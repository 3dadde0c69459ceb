using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reach.Testing;

namespace Reach.Web.Tests.Hosting;

/// <summary>The whole Reach host on a throwaway SQLite file, fake time and the demo pack as seed.</summary>
public class ReachAppFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory data = new();

    public FakeTimeProvider Clock { get; } = new();

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Scheduler:Enabled"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:SqlitePath", Path.Combine(data.Path, "reach.db"));
        builder.UseSetting("Content:SeedPack", RepositoryPaths.DemoPack);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data.Dispose();
    }
}
