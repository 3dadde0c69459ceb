namespace Reach.Web.Hosting;

/// <summary>Composition of the one Reach executable: web host, webhooks, staff app, scheduler.</summary>
internal static class WebHostExtensions
{
    public static WebApplicationBuilder AddReachWeb(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapReachWeb(this WebApplication app)
    {
        return app;
    }
}
