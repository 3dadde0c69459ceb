using Reach.Testing;

namespace Reach.Web.Tests.CommandLine;

/// <summary>reach appointments and reach broadcast, as staff use them from a terminal.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class StaffCommandTests : IDisposable
{
    private readonly TempDirectory work = new();

    public StaffCommandTests() =>
        Environment.SetEnvironmentVariable("ConnectionStrings__Reach", $"Data Source={Path.Combine(work.Path, "reach.db")}");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("ConnectionStrings__Reach", null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        work.Dispose();
    }

    [Fact]
    public async Task Staff_record_move_list_and_cancel_an_appointment()
    {
        await CommandRunner.RunAsync("content", "import", RepositoryPaths.DemoPack, "--author", "alice");

        var added = await CommandRunner.RunAsync("appointments", "add", "--org", "sem", "--phone", "+32 470/12.34.56", "--at", "2030-03-05T10:00", "--language", "ar", "--name", "Amal");
        added.Output.ShouldBe("appointment 1: 2030-03-05 10:00\nreminders planned:\n  1d@18:00: 2030-03-04 18:00\n  2h: 2030-03-05 08:00\n");

        var moved = await CommandRunner.RunAsync("appointments", "move", "--id", "1", "--at", "2030-03-31T09:30");
        moved.Output.ShouldBe("appointment 1: moved to 2030-03-31 09:30; the person is told\nreminders planned:\n  1d@18:00: 2030-03-30 18:00\n  2h: 2030-03-31 08:00\n");

        (await CommandRunner.RunAsync("appointments", "list", "--org", "sem", "--from", "2030-03-30", "--days", "2")).Output
            .ShouldBe("1 | 2030-03-31 09:30 | Amal | ar | - | 2 reminder(s) planned | not reminded yet | -\n");
        (await CommandRunner.RunAsync("appointments", "cancel", "--id", "1")).Output.ShouldBe("appointment 1: cancelled; the person is told\n");
    }

    [Fact]
    public async Task The_first_admin_is_created_from_the_command_line_with_a_password_read_from_input()
    {
        var (exit, output, _) = await CommandRunner.RunWithInputAsync("a long enough secret\n", "users", "add", "--admin", "--org", "sem", "--email", "Amina@SEM.example", "--name", "Amina");

        exit.ShouldBe(0);
        output.ShouldBe("Password (at least 12 characters): \naccount 1: amina@sem.example (admin) for sem\n");
        var (again, _, error) = await CommandRunner.RunWithInputAsync("a long enough secret\n", "users", "add", "--admin", "--org", "sem", "--email", "amina@sem.example", "--name", "Amina");
        (again, error).ShouldBe((1, "There is already an account for amina@sem.example.\n"));
        var (weak, _, short_) = await CommandRunner.RunWithInputAsync("short\n", "users", "add", "--role", "staff", "--org", "sem", "--email", "marc@sem.example", "--name", "Marc");
        (weak, short_).ShouldBe((1, "The password must have at least 12 characters.\n"));
    }

    [Fact]
    public async Task A_wrong_number_is_refused_with_what_is_wrong()
    {
        await CommandRunner.RunAsync("content", "import", RepositoryPaths.DemoPack, "--author", "alice");

        var (exit, _, error) = await CommandRunner.RunAsync("appointments", "add", "--org", "sem", "--phone", "470123456", "--at", "2030-03-05T10:00", "--language", "fr");

        exit.ShouldBe(1);
        error.ShouldStartWith("470123456");
    }

    [Fact]
    public async Task A_broadcast_is_previewed_and_refused_while_a_language_has_no_text()
    {
        await CommandRunner.RunAsync("content", "import", RepositoryPaths.DemoPack, "--author", "alice");
        await CommandRunner.RunAsync("appointments", "add", "--org", "sem", "--phone", "0470 11 11 11", "--at", "2030-03-05T10:00", "--language", "uk");

        var preview = await CommandRunner.RunAsync("broadcast", "preview", "--org", "sem", "--audience", "news", "--text", "fr=Fermé vendredi");
        preview.Output.ShouldBe("0 recipient(s): \nSMS: 0 segment(s), about 0.00 EUR\n");

        var unknown = await CommandRunner.RunAsync("broadcast", "preview", "--org", "sem", "--audience", "everyone", "--text", "fr=Fermé vendredi");
        (unknown.Exit, unknown.Error).ShouldBe((1, "'everyone' is not an audience; use session:<activity>/<session>, waiting:<activity>/<session>, group:<id> or news.\n"));
    }
}
