using System.Diagnostics;

namespace Reach.Benchmarks.Load;

/// <summary>
/// Samples the process every 100 ms: working set (resident memory) and the managed heap (bytes in use after the last
/// GC plus what was allocated since, <see cref="GC.GetTotalMemory(bool)"/>), and keeps the highest of each.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long startedAt = Stopwatch.GetTimestamp();
    private readonly (long Busy, long IoWait, long Total)? machineAtStart = MachineTicks();
    private readonly long postgresAtStart = PostgresTicks();

    public MemorySampler()
    {
        Sample();
        loop = RunAsync();
    }

    public long PeakWorkingSet { get; private set; }

    public long PeakManagedHeap { get; private set; }

    /// <summary>Process CPU time since the sampler started, as a share of one core (1.0 = one core busy).</summary>
    public double CpuCores()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        return cpu / Stopwatch.GetElapsedTime(startedAt);
    }

    /// <summary>
    /// CPU used by the whole machine since the sampler started, in cores (from /proc/stat; null elsewhere): with
    /// <see cref="CpuCores"/> it tells whether other processes competed with the measurement.
    /// </summary>
    public double? MachineCores()
    {
        if (machineAtStart is not { } start || MachineTicks() is not { } end || end.Total == start.Total)
        {
            return null;
        }

        return (double)(end.Busy - start.Busy) / (end.Total - start.Total) * Environment.ProcessorCount;
    }

    /// <summary>Time the machine's CPUs sat idle waiting for the disk since the sampler started, in cores (null without /proc/stat).</summary>
    public double? IoWaitCores()
    {
        if (machineAtStart is not { } start || MachineTicks() is not { } end || end.Total == start.Total)
        {
            return null;
        }

        return (double)(end.IoWait - start.IoWait) / (end.Total - start.Total) * Environment.ProcessorCount;
    }

    /// <summary>One line: this process's CPU and everybody else's, in cores.</summary>
    public string CpuReport()
    {
        var own = CpuCores();
        if (MachineCores() is not { } machine)
        {
            return $"this process {own:0.00} cores on average (of {Environment.ProcessorCount})";
        }

        // USER_HZ is 100 on Linux.
        var postgres = (PostgresTicks() - postgresAtStart) / 100.0 / Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
        return $"this process {own:0.00} cores on average, PostgreSQL server {postgres:0.00}, other processes {Math.Max(0, machine - own - postgres):0.00} (of {Environment.ProcessorCount} cores); waiting for the disk (iowait) {IoWaitCores():0.00}";
    }

    /// <summary>The highest resident memory of the whole process so far (Linux VmHWM), setup included.</summary>
    public static long ProcessPeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    /// <summary>Stops sampling (after one last sample); the peaks stay readable.</summary>
    public async Task StopAsync()
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        Sample();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    private static (long Busy, long IoWait, long Total)? MachineTicks()
    {
        try
        {
            // cpu user nice system idle iowait irq softirq steal ...
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var idle = fields[3] + fields[4];
            var total = fields.Sum();
            return (total - idle, fields[4], total);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>CPU ticks (user + system) of the running postgres processes, 0 where there is no /proc.</summary>
    private static long PostgresTicks()
    {
        long ticks = 0;
        try
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    var close = stat.LastIndexOf(')');
                    if (close < 0 || !stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    // After "pid (comm)": state is field 3, utime 14 and stime 15.
                    var fields = stat[(close + 2)..].Split(' ');
                    ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // Not a process, or it has just ended.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
        catch (IOException)
        {
        }

        return ticks;
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await timer.WaitForNextTickAsync(stop.Token))
        {
            Sample();
        }
    }

    private void Sample()
    {
        PeakWorkingSet = Math.Max(PeakWorkingSet, Environment.WorkingSet);
        PeakManagedHeap = Math.Max(PeakManagedHeap, GC.GetTotalMemory(forceFullCollection: false));
    }
}
