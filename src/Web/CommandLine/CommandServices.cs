using Microsoft.Extensions.Options;
using Reach.Content.Hosting;
using Reach.Content.Storage;
using Reach.Notifications.Scheduling;

namespace Reach.Web.CommandLine;

/// <summary>
/// The store as the web host configures it (appsettings.json, environment, <c>ConnectionStrings__Reach</c>),
/// migrated, for the commands that read or publish content and those staff use (appointments, broadcasts).
/// Nothing is seeded and the scheduler is not started: the running Reach sends what these commands plan.
/// </summary>
internal sealed class CommandServices : IAsyncDisposable
{
    private readonly IHost host;

    private CommandServices(IHost host) => this.host = host;

    public IContentStore Store => host.Services.GetRequiredService<IContentStore>();

    public TimeProvider TimeProvider => host.Services.GetRequiredService<TimeProvider>();

    public T Get<T>() where T : notnull => host.Services.GetRequiredService<T>();

    public IServiceScope Scope() => host.Services.CreateScope();

    public static async Task<CommandServices> StartAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddReachContent();
        builder.AddReachNotifications();
        builder.Services.AddSingleton<Accounts.AccountStore>();
        builder.Services.AddSingleton<Accounts.AuditLog>();
        var host = builder.Build();
        _ = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        await host.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        return new CommandServices(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.Services.GetRequiredService<ReachDatabase>().DisposeAsync();
        host.Dispose();
    }
}
