namespace Reach.Benchmarks;

/// <summary>Paths in this repository, found by walking up from the benchmark's output folder to Reach.sln.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reach.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Reach.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string DemoPack => Path.Combine(Root, "content", "demo");
}
