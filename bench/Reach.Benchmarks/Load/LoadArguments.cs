using System.Globalization;

namespace Reach.Benchmarks.Load;

/// <summary>The options of the load commands: <c>--name value</c> pairs after the command's name.</summary>
internal sealed class LoadArguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    private LoadArguments(string command) => Command = command;

    public string Command { get; }

    /// <summary>The admin connection string of a PostgreSQL server (a database is created and dropped), or null for SQLite.</summary>
    public string? Postgres => values.GetValueOrDefault("postgres");

    public static LoadArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = new LoadArguments(args[0]);
        for (var i = 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 == args.Count)
            {
                throw new ArgumentException($"Expected --name value, found '{args[i]}'.", nameof(args));
            }

            parsed.values[args[i][2..]] = args[++i];
        }

        return parsed;
    }

    public string? Text(string name) => values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        values.TryGetValue(name, out var text) ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;
}
