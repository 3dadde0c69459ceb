namespace Reach.Benchmarks.Load;

internal static class Stats
{
    /// <summary>The nearest-rank percentile <paramref name="p"/> (0 to 100) of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>
    /// The most sends in any one-second window [t, t + 1 s), and where the busiest one starts (ticks): every window
    /// that can hold the most starts at a send, so it is enough to look from each send.
    /// </summary>
    public static (int Count, long StartTicks) MaxPerSecond(IReadOnlyList<long> ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        var sorted = ticks.Order().ToArray();
        var best = 0;
        long start = 0;
        var end = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            while (end < sorted.Length && sorted[end] < sorted[i] + TimeSpan.TicksPerSecond)
            {
                end++;
            }

            if (end - i > best)
            {
                best = end - i;
                start = sorted[i];
            }
        }

        return (best, start);
    }

    /// <summary>How many sends start a one-second window [t, t + 1 s) that holds more than <paramref name="limit"/> sends.</summary>
    public static int WindowsOver(IReadOnlyList<long> ticks, double limit)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        var sorted = ticks.Order().ToArray();
        var over = 0;
        var end = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            while (end < sorted.Length && sorted[end] < sorted[i] + TimeSpan.TicksPerSecond)
            {
                end++;
            }

            if (end - i > limit)
            {
                over++;
            }
        }

        return over;
    }

    /// <summary>The <paramref name="count"/> longest gaps between consecutive sends: where each starts (ticks) and how long it is.</summary>
    public static IReadOnlyList<(long StartTicks, TimeSpan Gap)> LongestGaps(IReadOnlyList<long> ticks, int count)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        var sorted = ticks.Order().ToArray();
        return Enumerable.Range(1, Math.Max(0, sorted.Length - 1))
            .Select(i => (sorted[i - 1], TimeSpan.FromTicks(sorted[i] - sorted[i - 1])))
            .OrderByDescending(g => g.Item2)
            .Take(count)
            .ToList();
    }

    /// <summary>The shortest gap between two consecutive sends.</summary>
    public static TimeSpan MinGap(IReadOnlyList<long> ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        var sorted = ticks.Order().ToArray();
        var min = TimeSpan.MaxValue;
        for (var i = 1; i < sorted.Length; i++)
        {
            min = TimeSpan.FromTicks(Math.Min(min.Ticks, sorted[i] - sorted[i - 1]));
        }

        return min;
    }

    public static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0} MB";
}
