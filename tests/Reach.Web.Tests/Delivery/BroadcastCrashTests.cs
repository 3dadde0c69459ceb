using Reach.Notifications.Delivery;
using Reach.Testing;
using Reach.Testing.Fakes;

namespace Reach.Web.Tests.Delivery;

/// <summary>
/// A broadcast to 1,000 people on SQLite, sent by the real Reach executable, which is killed in the middle of a send
/// (twice) and started again: each person gets the message exactly once, and the outbox says so.
/// </summary>
[Collection(nameof(ReachProcesses))]
public sealed class BroadcastCrashTests
{
    private const int People = 1000;

    // Generous: a loaded 2-core machine starts a .NET host in seconds, and 1,000 sends take a while.
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Sending = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_broadcast_to_1000_people_killed_twice_in_the_middle_of_a_send_reaches_each_person_exactly_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var data = new TempDirectory();
        await using var twilio = FakeTwilioServer.Start();
        twilio.SendDelay = TimeSpan.FromMilliseconds(5); // Twilio takes a few milliseconds to answer, as the real one does.
        var path = Path.Combine(data.Path, "reach.db");
        await using var scenario = await BroadcastScenario.CreateAsync($"Data Source={path}", People, cancellationToken);
        await scenario.ScheduleAsync(null, cancellationToken);
        var settings = ReachProcess.SendingSettings(twilio.BaseUrl);
        settings["Storage:SqlitePath"] = path;
        var processes = new List<ReachProcess>();
        var passed = false;
        try
        {
            // 1. Twilio has created the 300th message but Reach is killed before the answer comes back: that message is
            //    "sending" in the outbox and must not be sent again.
            twilio.HoldSend(afterCount: 299, recorded: true);
            processes.Add(await ReachProcess.StartAsync("first", data.Path, settings, Startup));
            var createdUnanswered = await twilio.WaitUntilHeldAsync(Sending);
            (await scenario.MessageToAsync(createdUnanswered, cancellationToken)).State.ShouldBe(OutboxStates.Sending);
            await processes[^1].KillAsync();
            twilio.Release();
            twilio.Count.ShouldBe(300);

            // 2. Reach is killed while the 651st request is on its way, before Twilio has it: it must be sent after all.
            twilio.HoldSend(afterCount: 650, recorded: false);
            processes.Add(await ReachProcess.StartAsync("second", data.Path, settings, Startup));
            var lostOnTheWay = await twilio.WaitUntilHeldAsync(Sending);
            (await scenario.MessageToAsync(lostOnTheWay, cancellationToken)).State.ShouldBe(OutboxStates.Sending);
            await processes[^1].KillAsync();
            twilio.Release();
            twilio.Count.ShouldBe(650);

            // 3. A third start sends the rest.
            processes.Add(await ReachProcess.StartAsync("third", data.Path, settings, Startup));
            var counts = await scenario.WaitUntilSettledAsync(Sending, () => ReachProcess.Diagnostics(processes, twilio), cancellationToken);

            BroadcastScenario.Describe(counts).ShouldBe($"{People} sent");
            scenario.ShouldHaveReachedEachPersonOnce(twilio);

            var confirmed = await scenario.MessageToAsync(createdUnanswered, cancellationToken);
            (confirmed.State, confirmed.Attempts, confirmed.Reason).ShouldBe((OutboxStates.Sent, 1L, "confirmed by the provider after its sender stopped"));
            var resent = await scenario.MessageToAsync(lostOnTheWay, cancellationToken);
            (resent.State, resent.Attempts, resent.ProviderId).ShouldBe((OutboxStates.Sent, 2L, twilio.Sent.Single(m => m.To == lostOnTheWay).Sid));
            twilio.ListRequests.ShouldBe(2); // Twilio was asked about each message left "sending", and about nothing else.
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
