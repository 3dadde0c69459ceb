using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Reach.Testing;
using Reach.Testing.Fakes;

namespace Reach.Web.Tests.Delivery;

/// <summary>
/// The built Reach web app as a real child process (<c>dotnet Reach.Web.dll</c>), configured only through environment
/// variables, so that a test can kill it as a crash would: no shutdown hooks, requests cut in the middle.
/// </summary>
internal sealed class ReachProcess : IAsyncDisposable
{
    private const int KeptLines = 400;

    /// <summary>Settings of the test process's own environment that must not leak into Reach.</summary>
    private static readonly string[] ReachSections =
        ["ConnectionStrings__", "Storage__", "Content__", "Twilio__", "Telegram__", "Scheduler__", "Delivery__", "Reminders__", "Conversations__", "Urls", "ASPNETCORE_URLS", "DOTNET_URLS"];

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ReachProcess(Process process, string name, Uri baseUrl)
    {
        this.process = process;
        Name = name;
        BaseUrl = baseUrl;
    }

    public string Name { get; }

    public Uri BaseUrl { get; }

    /// <summary>The process id, which is also the first part of the id its dispatcher writes in <c>outbox.claimed_by</c>.</summary>
    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output => $"--- {Name} (pid {Id}) ---\n" + string.Join('\n', output);

    /// <summary>The web app next to the test assembly (it is a project reference), else in src/Web/bin.</summary>
    public static string WebDll { get; } = FindWebDll();

    /// <summary>
    /// Settings for a Reach that sends: SMS through the fake Twilio at <paramref name="twilio"/>, the scheduler on,
    /// a short lease (a stopped sender's message is checked after 5 s), a rate high enough for a thousand messages,
    /// no seed pack (the test published the content) and no quiet hours (the test may run at night in Brussels).
    /// </summary>
    public static Dictionary<string, string> SendingSettings(Uri twilio) => new(StringComparer.Ordinal)
    {
        ["Twilio:AccountSid"] = FakeTwilioServer.AccountSid,
        ["Twilio:AuthToken"] = FakeTwilioServer.AuthToken,
        ["Twilio:BaseUrl"] = twilio.ToString(),
        ["Twilio:SmsFrom"] = "+32400000000",
        ["Scheduler:Enabled"] = "true",
        ["Delivery:PollInterval"] = "00:00:01",
        ["Delivery:Lease"] = "00:00:05",
        ["Delivery:RatePerSecond:sms"] = "200",
        ["Content:SeedPack"] = "",
        ["Reminders:QuietFrom"] = "00:00",
        ["Reminders:QuietTo"] = "00:00",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http"] = "Warning",
    };

    /// <summary>Starts Reach with <paramref name="settings"/> (configuration keys, "a:b") and waits until its scheduler runs.</summary>
    public static async Task<ReachProcess> StartAsync(string name, string workingDirectory, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(WebDll);
        foreach (var key in start.Environment.Keys.Where(k => ReachSections.Any(s => k.StartsWith(s, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["Urls"] = baseUrl.ToString().TrimEnd('/');
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var reach = new ReachProcess(process, name, baseUrl);
        process.OutputDataReceived += (_, e) => reach.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => reach.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await reach.WaitUntilRunningAsync(timeout);
        }
        catch
        {
            await reach.DisposeAsync();
            throw;
        }

        return reach;
    }

    /// <summary>What went on, for a failed test: Twilio's counters and the last lines of each process.</summary>
    public static string Diagnostics(IEnumerable<ReachProcess> processes, FakeTwilioServer twilio) =>
        $"Twilio created {twilio.Count} message(s) and was asked for its list {twilio.ListRequests} time(s).\n"
        + string.Join('\n', processes.Select(p => p.Output));

    /// <summary>Kills the process and everything it started, at once, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > KeptLines && output.TryDequeue(out _))
        {
        }
    }

    /// <summary>Polls <c>/health</c> until the scheduler reports running (Quartz starts once the host has started).</summary>
    private async Task WaitUntilRunningAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var until = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Reach exited with code {process.ExitCode} while starting.\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK && body.Contains("running", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Reach did not report a running scheduler within {timeout}.\n{Output}");
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static string FindWebDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Reach.Web.dll");
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        // tests/Reach.Web.Tests/bin/<configuration>/net10.0/: the same configuration of src/Web.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Debug";
        var built = RepositoryPaths.InRoot("src", "Web", "bin", configuration, "net10.0", "Reach.Web.dll");
        return File.Exists(built) ? built : throw new FileNotFoundException($"Reach.Web.dll is neither beside the tests nor at {built}: build the solution first.");
    }
}
