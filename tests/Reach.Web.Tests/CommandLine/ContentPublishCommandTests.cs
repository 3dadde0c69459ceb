using Reach.Testing;

namespace Reach.Web.Tests.CommandLine;

/// <summary>import, export, versions and restore against a real SQLite store, as a coordinator runs them.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class ContentPublishCommandTests : IDisposable
{
    private readonly TempDirectory work = new();

    public ContentPublishCommandTests() =>
        Environment.SetEnvironmentVariable("ConnectionStrings__Reach", $"Data Source={Path.Combine(work.Path, "reach.db")}");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("ConnectionStrings__Reach", null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        work.Dispose();
    }

    [Fact]
    public async Task Import_export_import_is_lossless_on_the_demo_pack()
    {
        var exported = Path.Combine(work.Path, "exported");

        (await CommandRunner.RunAsync("content", "import", RepositoryPaths.DemoPack, "--author", "alice")).Output
            .ShouldEndWith("cssbse: published version 1\nsem: published version 1\n");
        (await CommandRunner.RunAsync("content", "export", exported)).Exit.ShouldBe(0);
        var reimport = await CommandRunner.RunAsync("content", "import", exported, "--author", "bob");

        reimport.Exit.ShouldBe(0);
        reimport.Output.ShouldEndWith("cssbse: unchanged, still version 1\nsem: unchanged, still version 1\n");
    }

    [Fact]
    public async Task A_broken_pack_never_replaces_the_published_content()
    {
        var copy = Path.Combine(work.Path, "copy");
        await CommandRunner.RunAsync("content", "import", RepositoryPaths.DemoPack, "--author", "alice");
        await CommandRunner.RunAsync("content", "export", copy);
        File.AppendAllText(Path.Combine(copy, "sem", "services.yaml"), "  - {id: sem-social-desk, title: {fr: X}, access: both}\n");

        var (exit, _, error) = await CommandRunner.RunAsync("content", "import", copy, "--author", "bob");

        exit.ShouldBe(1);
        error.ShouldContain("duplicate id 'sem-social-desk'");
        error.ShouldEndWith("Nothing was published: the published content is unchanged.\n");
        (await CommandRunner.RunAsync("content", "versions", "--org", "sem")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_edit_is_a_new_version_and_the_previous_one_can_be_restored()
    {
        var copy = Path.Combine(work.Path, "copy");
        await CommandRunner.RunAsync("content", "import", RepositoryPaths.DemoPack, "--author", "alice", "--note", "first");
        await CommandRunner.RunAsync("content", "export", copy, "--org", "sem");
        var services = Path.Combine(copy, "sem", "services.yaml");
        File.WriteAllText(services, File.ReadAllText(services).Replace("\"09:00\"", "\"09:30\"", StringComparison.Ordinal));

        (await CommandRunner.RunAsync("content", "import", copy, "--author", "bob")).Output.ShouldEndWith("sem: published version 2\n");
        (await CommandRunner.RunAsync("content", "restore", "--org", "sem", "--version", "1", "--author", "carol")).Output
            .ShouldBe("sem: version 1 restored as version 3\n");

        var versions = (await CommandRunner.RunAsync("content", "versions", "--org", "sem")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        versions.Length.ShouldBe(3);
        versions[0].ShouldEndWith("alice  first");
        versions[2].ShouldStartWith("*    3");
        versions[2].ShouldEndWith("carol  restored version 1");
        var restored = Path.Combine(work.Path, "restored");
        await CommandRunner.RunAsync("content", "export", restored, "--org", "sem");
        File.ReadAllText(Path.Combine(restored, "sem", "services.yaml")).ShouldContain("\"09:00\"");
        (await CommandRunner.RunAsync("content", "restore", "--org", "sem", "--version", "7")).Error.ShouldBe("sem has no version 7.\n");
    }
}

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;
