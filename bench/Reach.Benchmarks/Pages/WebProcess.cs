using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Reach.Testing;

namespace Reach.Benchmarks.Pages;

/// <summary>
/// The real Reach executable (<c>src/Web</c>, built with this project) running as its own process on a loopback port,
/// as <c>dotnet run --project src/Web</c> runs it: Kestrel, the scheduler, the web host's own configuration, from the
/// repository root. It runs from a copy of its build output, so that BenchmarkDotNet building the benchmarks again
/// cannot replace it under the running process. Its log goes to a file.
/// </summary>
internal sealed class WebProcess : IDisposable
{
    private readonly Process process;
    private readonly TextWriter log;

    private WebProcess(Process process, TextWriter log, string url, string logPath)
    {
        this.process = process;
        this.log = log;
        Url = url;
        LogPath = logPath;
    }

    public string Url { get; }

    public string LogPath { get; }

    /// <summary>Starts Reach from <paramref name="build"/> (a folder holding Reach.Web.dll), or from the build made with this project when null.</summary>
    public static async Task<WebProcess> StartAsync(string connectionString, string folder, string? build, CancellationToken cancellationToken)
    {
        var configuration = typeof(WebProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        build ??= RepositoryPaths.InRoot("src", "Web", "bin", configuration, "net10.0");
        if (!File.Exists(Path.Combine(build, "Reach.Web.dll")))
        {
            throw new InvalidOperationException($"Reach.Web.dll is not in {build}: build the benchmarks with -c {configuration} first.");
        }

        var copy = Path.Combine(folder, "web");
        Copy(build, copy);
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(copy, "Reach.Web.dll")])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Reach"] = connectionString;
        start.Environment["Urls"] = url;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Content__SeedPack"] = RepositoryPaths.DemoPack;

        // As appsettings.sample.json: no log line per request.
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        start.Environment["Logging__LogLevel__Quartz"] = "Warning";
        var logPath = Path.Combine(folder, "reach.log");
        var log = TextWriter.Synchronized(new StreamWriter(logPath) { AutoFlush = true });
        var process = Process.Start(start) ?? throw new InvalidOperationException("Reach.Web did not start.");
        process.OutputDataReceived += (_, e) => log.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => log.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var web = new WebProcess(process, log, url, logPath);
        try
        {
            await web.WaitUntilListeningAsync(cancellationToken);
        }
        catch
        {
            web.Dispose();
            throw;
        }

        return web;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        log.Dispose();
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Reach.Web stopped with exit code {process.ExitCode}; its log: {LogPath}");
            }

            try
            {
                using var response = await client.GetAsync(Url + "/account/login", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"Reach.Web did not answer at {Url} within 2 minutes; its log: {LogPath}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
