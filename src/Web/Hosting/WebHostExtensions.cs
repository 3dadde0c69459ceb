using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Reach.Bot.Hosting;
using Reach.Content.Hosting;
using Reach.Notifications.Scheduling;
using Reach.Web.Accounts;
using Reach.Web.Chat;

namespace Reach.Web.Hosting;

/// <summary>Composition of the one Reach executable: web host, webhooks, staff app, scheduler.</summary>
internal static partial class WebHostExtensions
{
    /// <summary>Where Reach listens when neither <c>Urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddReachWeb(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddReachContent();
        builder.AddReachNotifications();
        builder.AddReachBot();
        builder.AddStaffApp();
        return builder;
    }

    public static WebApplication MapReachWeb(this WebApplication app)
    {
        app.MapStaffApp();
        app.MapHealthEndpoint();
        app.MapChat();
        app.MapReachBot();
        app.MapGet("/", () => Results.Text(
            "Reach is running. Web chat: /chat  Staff and coordinators: /staff  Health: /health\n", "text/plain; charset=utf-8"));
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Log.Listening(app.Logger, address);
            }
        });
        return app;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Reach is listening on {Address} (health: {Address}/health)")]
        public static partial void Listening(ILogger logger, string address);
    }
}
