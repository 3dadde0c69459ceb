namespace Reach.Testing;

/// <summary>Paths in this repository, found from the test's output folder.</summary>
public static class RepositoryPaths
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

    public static string InRoot(params string[] parts) => Path.Combine([Root, .. parts]);
}
