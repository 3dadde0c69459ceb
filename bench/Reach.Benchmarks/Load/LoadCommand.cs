using System.Globalization;

namespace Reach.Benchmarks.Load;

/// <summary>
/// The load commands, run instead of BenchmarkDotNet when the first argument names one: <c>outbox</c> (planned
/// reminders: planning time, lateness of firing, memory) and <c>broadcast</c> (preview, enqueue, drain at the rate).
/// </summary>
internal static class LoadCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "outbox" or "broadcast";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var arguments = LoadArguments.Parse(args);
        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "unknown";
        await output.WriteLineAsync($"machine: {Environment.ProcessorCount} CPUs, load average at start {load}; .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        if (arguments.Command == "outbox")
        {
            await ReminderLoad.RunAsync(arguments, output, cancel.Token);
        }
        else
        {
            await BroadcastLoad.RunAsync(arguments, output, cancel.Token);
        }

        return 0;
    }
}
