using System.Globalization;
using System.Text.Json;

namespace Reach.Benchmarks.Pages;

/// <summary>What the seeded store holds for the pages that show one thing: ids, and the day shown by the appointments pages.</summary>
internal sealed record PageTargets(long Appointment, long Conversation, long Broadcast, string Day, string Faq)
{
    /// <summary>The page's path with its placeholders (<c>{appointment}</c>, <c>{conversation}</c>, ...) filled in.</summary>
    public string Fill(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page
            .Replace("{appointment}", Appointment.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{conversation}", Conversation.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{broadcast}", Broadcast.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{day}", Day, StringComparison.Ordinal)
            .Replace("{faq}", Faq, StringComparison.Ordinal);
    }
}

/// <summary>
/// Handed from the pages command to the benchmark processes BenchmarkDotNet starts (which inherit its environment):
/// where Reach listens, who signs in, what to open.
/// </summary>
internal sealed record PageRun(string Url, string Email, string Password, PageTargets Targets, string? Only)
{
    public const string Variable = "REACH_BENCH_PAGES";

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The run of the pages command that started this process, or an explanation.</summary>
    public static PageRun FromEnvironment() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } json
            ? JsonSerializer.Deserialize<PageRun>(json) ?? throw new InvalidOperationException($"{Variable} is empty.")
            : throw new InvalidOperationException("The page benchmarks run through the pages command, which seeds a store and starts Reach: "
                + "dotnet run -c Release --project bench/Reach.Benchmarks -- pages (see bench/README.md).");
}
