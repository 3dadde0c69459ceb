using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Reach.Notifications.Broadcasts;

namespace Reach.Benchmarks.Load;

/// <summary>
/// <c>broadcast</c>: a broadcast to everyone subscribed to an organisation's news (SMS, WhatsApp and Telegram contacts
/// in five languages): <see cref="BroadcastService.PreviewAsync"/> and <see cref="BroadcastService.ScheduleAsync"/>
/// timed, then the messages drained by the dispatcher (run as the Quartz job runs it) at the configured rate per
/// channel, with the busiest one-second window of sends per channel.
/// </summary>
internal static class BroadcastLoad
{
    public static async Task RunAsync(LoadArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var recipients = arguments.Int("recipients", 10_000);
        var rate = arguments.Double("rate", 50);
        var drain = arguments.Int("drain", recipients);
        var previews = arguments.Int("previews", 5);
        var mix = (arguments.Text("mix") ?? "60,15,25").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (mix.Length != 3 || mix.Sum() != 100 || mix.Any(p => p < 0))
        {
            throw new ArgumentException("--mix is three percentages for sms, whatsapp and telegram that add up to 100, e.g. 60,15,25.", nameof(arguments));
        }

        var clock = TimeProvider.System;
        RecordingChannel[] channels = [new("sms", clock), new("whatsapp", clock), new("telegram", clock)];
        await using var host = await LoadHost.StartAsync(arguments.Postgres, arguments.Text("extra-sql"), channels.ToDictionary(c => c.Channel, _ => rate), channels, cancellationToken);
        var line = ReminderLoad.Writer(output);
        line($"store: {host.Description}");

        // Setup (not measured): the audience, by default 60 % SMS, 15 % WhatsApp, 25 % Telegram (--mix), five languages, all subscribed to the news.
        var now = clock.GetUtcNow();
        var people = Enumerable.Range(0, recipients).Select(i =>
        {
            var percent = i % 100;
            var channel = percent < mix[0] ? "sms" : percent < mix[0] + mix[1] ? "whatsapp" : "telegram";
            var address = channel == "telegram" ? "10" + i.ToString("D8", CultureInfo.InvariantCulture) : "+3248" + i.ToString("D7", CultureInfo.InvariantCulture);
            return ("sem", channel, address, Seed.Languages[i % Seed.Languages.Length]);
        }).ToList();
        var ids = await Seed.ContactsAsync(host.Database, people, now, cancellationToken);
        await Seed.SubscriptionsAsync(host.Database, ids, "news", now, cancellationToken);
        line($"audience: {recipients:N0} contacts of sem subscribed to news ({string.Join(", ", people.GroupBy(p => p.channel).Select(g => $"{g.Key} {g.Count():N0}"))}); rate {rate:0}/s per channel");

        var draft = new BroadcastDraft("sem", "bench", "news", "fr", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["fr"] = "Bonjour ! La permanence sociale sera fermée le lundi 7 décembre. Nous rouvrons le mardi 8 à 9h.",
            ["ar"] = "مرحبا! المكتب الاجتماعي مغلق يوم الإثنين 7 دجنبر. نفتح من جديد يوم الثلاثاء 8 على الساعة 9.",
            ["uk"] = "Вітаємо! Соціальна служба буде зачинена в понеділок 7 грудня. Відкриваємося у вівторок 8-го о 9:00.",
            ["es"] = "¡Hola! La atención social estará cerrada el lunes 7 de diciembre. Volvemos a abrir el martes 8 a las 9h.",
            ["en"] = "Hello! The social desk is closed on Monday 7 December. We open again on Tuesday 8 at 9am.",
        });

        await using var scope = host.Services.CreateAsyncScope();
        var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        var times = new List<double>();
        BroadcastPreview? preview = null;
        for (var i = 0; i < previews; i++)
        {
            var watch = Stopwatch.StartNew();
            preview = await broadcasts.PreviewAsync(draft, cancellationToken);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        line($"preview: {preview?.Recipients:N0} recipients, {preview?.SmsSegments:N0} SMS segments, {preview?.EstimatedCost:0.00} {preview?.Currency}; "
            + $"first call {times.FirstOrDefault():N0} ms, then median {Stats.Percentile(times.Skip(1).Order().ToList(), 50):N0} ms of {previews - 1} more");

        var scheduling = Stopwatch.StartNew();
        var result = await broadcasts.ScheduleAsync(draft, null, cancellationToken);
        scheduling.Stop();
        if (result.Id is null)
        {
            throw new InvalidOperationException("The broadcast was refused: " + result.Error);
        }

        line($"schedule (send now): broadcast {result.Id} with {result.Preview?.Recipients:N0} messages enqueued in {scheduling.Elapsed.TotalMilliseconds:N0} ms");

        GC.Collect();
        long runs;
        long peakWorkingSet, peakHeap;
        string cpu;
        var draining = Stopwatch.StartNew();
        await using (var sampler = new MemorySampler())
        {
            var deadline = TimeSpan.FromSeconds(drain / rate * 3 + 120);
            runs = await DispatchLoop.RunAsync(host.Services, () => channels.Sum(c => c.Count) >= drain, deadline, cancellationToken);
            cpu = sampler.CpuReport();
            await sampler.StopAsync();
            peakWorkingSet = sampler.PeakWorkingSet;
            peakHeap = sampler.PeakManagedHeap;
        }

        draining.Stop();
        var delivered = channels.SelectMany(c => c.Snapshot()).ToList();
        line($"drain: {delivered.Count:N0} sent in {runs:N0} dispatcher runs, {draining.Elapsed.TotalSeconds:0.0} s ({delivered.Count / draining.Elapsed.TotalSeconds:0.0}/s in all)");
        foreach (var channel in channels)
        {
            var ticks = channel.Snapshot().Select(d => d.AtTicks).ToList();
            if (ticks.Count == 0)
            {
                continue;
            }

            var (most, at) = Stats.MaxPerSecond(ticks);
            var span = TimeSpan.FromTicks(ticks.Max() - ticks.Min());
            line($"  {channel.Channel}: {ticks.Count:N0} sent over {span.TotalSeconds:0.0} s ({(ticks.Count - 1) / span.TotalSeconds:0.0}/s); "
                + $"most in any 1-second window [t, t+1 s): {most} (rate {rate:0}/s) {(most <= rate ? "- within the rate" : "- OVER THE RATE")}, "
                + $"first at +{TimeSpan.FromTicks(at - ticks.Min()).TotalSeconds:0.000} s; {Stats.WindowsOver(ticks, rate):N0} of the {ticks.Count:N0} windows starting at a send hold more than {rate:0}; "
                + $"shortest gap {Stats.MinGap(ticks).TotalMilliseconds:0.0} ms (interval {1000 / rate:0.0} ms)");
        }

        line($"memory while draining: peak working set {Stats.Mb(peakWorkingSet)}, peak managed heap {Stats.Mb(peakHeap)}; whole process peak (VmHWM) {Stats.Mb(MemorySampler.ProcessPeakWorkingSet())}; GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        line($"CPU while draining: {cpu}");
    }
}
