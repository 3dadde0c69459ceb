using Reach.Web.CommandLine;
using Reach.Web.Hosting;

if (ReachCommandLine.IsCommand(args))
{
    return await ReachCommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddReachWeb();
var app = builder.Build();
app.MapReachWeb();
await app.RunAsync();
return 0;
