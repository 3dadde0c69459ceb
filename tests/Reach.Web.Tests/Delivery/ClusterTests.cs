using Npgsql;
using Reach.Notifications.Delivery;
using Reach.Testing;
using Reach.Testing.Fakes;

namespace Reach.Web.Tests.Delivery;

/// <summary>
/// Two Reach processes sharing one PostgreSQL database (Quartz clustered): the node sending a broadcast is killed in
/// the middle of a send, at a message chosen at random (written to the test output), and started again; the other
/// node takes over once Quartz sees the dead node miss its check-in (about 15 s), and each person still gets the
/// message exactly once. Runs against the server ./test.sh starts; required under CI.
/// </summary>
[Collection(nameof(ReachProcesses))]
public sealed class ClusterTests : IAsyncLifetime
{
    private const int People = 300;

    // Generous: two .NET hosts starting on a loaded 2-core machine, and Quartz's failure detection on top.
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Sending = TimeSpan.FromSeconds(180);

    private readonly TempDirectory directory = new();
    private string? admin;
    private string? database;

    public async ValueTask InitializeAsync()
    {
        admin = PostgresServer.AdminConnectionString;
        if (admin is null)
        {
            Assert.Skip($"No PostgreSQL server: set {PostgresServer.Variable} or run ./test.sh, which starts one.");
            return;
        }

        database = await PostgresServer.CreateDatabaseAsync(admin);
    }

    public async ValueTask DisposeAsync()
    {
        if (database is not null)
        {
            await PostgresServer.DropDatabaseAsync(admin!, database);
        }

        directory.Dispose();
    }

    /// <param name="createdBeforeKill">Whether Twilio has the message in flight when its sender dies (it must not be sent again) or not (it must be sent).</param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Killing_the_sending_node_of_two_in_the_middle_of_a_send_leaves_each_person_with_exactly_one_message(bool createdBeforeKill)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var killAt = Random.Shared.Next(20, 200);
        TestContext.Current.TestOutputHelper?.WriteLine($"The sending node is killed while sending message {killAt + 1} of {People}.");

        await using var twilio = FakeTwilioServer.Start();
        twilio.SendDelay = TimeSpan.FromMilliseconds(5);
        await using var scenario = await BroadcastScenario.CreateAsync(database!, People, cancellationToken);
        var settings = ReachProcess.SendingSettings(twilio.BaseUrl);

        // The test's own connection string opens a connection per use; the nodes pool theirs, as in production.
        settings["ConnectionStrings:Reach"] = new NpgsqlConnectionStringBuilder(database) { Pooling = true }.ToString();
        var processes = new List<ReachProcess>();
        var passed = false;
        try
        {
            // Both nodes start together on a fresh database, as a deployment of two replicas would.
            processes.AddRange(await Task.WhenAll(
                ReachProcess.StartAsync("node-a", directory.Path, settings, Startup),
                ReachProcess.StartAsync("node-b", directory.Path, settings, Startup)));
            twilio.HoldSend(killAt, createdBeforeKill);
            await scenario.ScheduleAsync(null, cancellationToken);

            var held = await twilio.WaitUntilHeldAsync(Sending);
            var inFlight = await scenario.MessageToAsync(held, cancellationToken);
            inFlight.State.ShouldBe(OutboxStates.Sending);
            var victim = processes.Single(p => p.Id == inFlight.ClaimedByProcess);
            await victim.KillAsync();
            twilio.Release();
            processes.Add(await ReachProcess.StartAsync($"{victim.Name}-restarted", directory.Path, settings, Startup));

            var counts = await scenario.WaitUntilSettledAsync(Sending, () => ReachProcess.Diagnostics(processes, twilio), cancellationToken);

            BroadcastScenario.Describe(counts).ShouldBe($"{People} sent");
            scenario.ShouldHaveReachedEachPersonOnce(twilio);

            // The message in flight was settled by another node, which asked Twilio first.
            var settled = await scenario.MessageToAsync(held, cancellationToken);
            settled.ClaimedByProcess.ShouldNotBe(victim.Id);
            (settled.State, settled.Attempts, settled.Reason).ShouldBe(createdBeforeKill
                ? (OutboxStates.Sent, 1L, "confirmed by the provider after its sender stopped")
                : (OutboxStates.Sent, 2L, null));
            twilio.ListRequests.ShouldBe(1);
            passed = true;
        }
        finally
        {
            if (!passed)
            {
                TestContext.Current.TestOutputHelper?.WriteLine(ReachProcess.Diagnostics(processes, twilio));
            }

            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }
}
