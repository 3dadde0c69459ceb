using NodaTime;
using NodaTime.Text;
using Reach.Testing;
using YamlDotNet.RepresentationModel;

namespace Reach.Bot.Tests.Conversations;

/// <summary>
/// Scripted conversations (tests/conversations/*.yaml): what the person says or chooses, and the exact
/// replies Reach gives, with their buttons. Each script runs on a fresh store with the demo content.
/// </summary>
public class ConversationScriptTests
{
    public static TheoryData<string> Scripts() =>
        new(Directory.EnumerateFiles(RepositoryPaths.InRoot("tests", "conversations"), "*.yaml")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_replies_exactly(string file)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(await File.ReadAllTextAsync(RepositoryPaths.InRoot("tests", "conversations", file), TestContext.Current.CancellationToken)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        string Scalar(YamlMappingNode map, string key, string fallback = "") =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value ?? fallback : fallback;

        var organisation = Scalar(root, "organisation", "sem");
        var local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(Scalar(root, "at", "2026-12-03T10:00")).Value;
        var at = DateTimeZoneProviders.Tzdb["Europe/Brussels"].AtStrictly(local).ToDateTimeOffset();
        var channel = Scalar(root, "channel", "web");
        var address = Scalar(root, "address", "script-" + file);
        await using var chat = await ConversationFixture.StartAsync(organisation, at);
        if (root.Children.TryGetValue(new YamlScalarNode("appointment"), out var given))
        {
            // Staff booked an appointment for this phone; "reminded: true" means its first reminder went out.
            var booking = (YamlMappingNode)given;
            var start = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(Scalar(booking, "start")).Value;
            await chat.BookAsync(address, start, Scalar(booking, "language", "fr"), Scalar(booking, "name", null!), Scalar(booking, "reminded", "false") == "true");
        }

        var step = 0;
        foreach (YamlMappingNode turn in ((YamlSequenceNode)root.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>())
        {
            step++;
            var user = Scalar(turn, "user", null!);
            var choose = Scalar(turn, "choose", null!);
            var replies = await chat.SendAsync(address, user, choose, channel, Scalar(turn, "hint", null!));
            var expected = turn.Children.TryGetValue(new YamlScalarNode("bot"), out var bot) ? ((YamlSequenceNode)bot).Children.Cast<YamlMappingNode>().ToList() : [];
            if (Environment.GetEnvironmentVariable("REACH_RECORD_SCRIPTS") is { Length: > 0 } folder)
            {
                // Record mode, for a reviewer to compare what Reach says with the script (never used by CI).
                await File.AppendAllTextAsync(Path.Combine(folder, file + ".jsonl"),
                    System.Text.Json.JsonSerializer.Serialize(new { step, replies = replies.Select(r => new { r.Text, choices = r.Choices.Select(c => c.Id) }) }) + "\n",
                    TestContext.Current.CancellationToken);
                continue;
            }

            replies.Select(r => r.Text).ShouldBe(expected.Select(e => Scalar(e, "text")), $"{file} step {step}");
            for (var i = 0; i < expected.Count; i++)
            {
                var choices = expected[i].Children.TryGetValue(new YamlScalarNode("choices"), out var ids)
                    ? ((YamlSequenceNode)ids).Children.Select(c => ((YamlScalarNode)c).Value!).ToList()
                    : [];
                replies[i].Choices.Select(c => c.Id).ShouldBe(choices, $"{file} step {step} reply {i + 1} buttons");
            }
        }

        step.ShouldBeGreaterThan(0, $"{file} has no steps");
    }
}
