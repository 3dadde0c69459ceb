using Reach.Notifications.Delivery;
using Reach.Testing;

namespace Reach.Notifications.Tests.Delivery;

/// <summary>The rate gate on a fake clock: sends spaced at 1/rate, and a late wake-up never lets the next one catch up.</summary>
public class RateGateTests
{
    [Fact]
    public async Task Sends_are_spaced_and_a_late_release_moves_the_next_slot()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var gate = new RateGate(clock);
        var start = clock.GetUtcNow();

        await gate.WaitAsync("sms", "+32470000001", 50, TimeSpan.Zero, TestContext.Current.CancellationToken);
        var second = gate.WaitAsync("sms", "+32470000002", 50, TimeSpan.Zero, TestContext.Current.CancellationToken);
        second.IsCompleted.ShouldBeFalse("the second send waits for its slot, 20 ms later");

        // The timer wakes 15 ms late: the third send must still wait a full 20 ms after that release.
        clock.Advance(TimeSpan.FromMilliseconds(35));
        await second;
        var third = gate.WaitAsync("sms", "+32470000003", 50, TimeSpan.Zero, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMilliseconds(19));
        third.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await third;

        (clock.GetUtcNow() - start).ShouldBe(TimeSpan.FromMilliseconds(55));
    }

    [Fact]
    public async Task Telegram_waits_a_second_between_two_messages_to_the_same_chat()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var gate = new RateGate(clock);

        await gate.WaitAsync("telegram", "42", 25, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var sameChat = gate.WaitAsync("telegram", "42", 25, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        sameChat.IsCompleted.ShouldBeFalse("one message per second to one chat");
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await sameChat;
    }
}
