using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Reach.Content.Storage;
using Reach.Notifications.Appointments;
using Reach.Notifications.Contacts;
using Reach.Notifications.Delivery;

namespace Reach.Benchmarks.Load;

/// <summary>
/// <c>outbox</c>: planned reminders at scale. Appointments for SMS contacts in the two demo organisations, two
/// reminders each (steps 1d@18:00 and 2h, as the default plan), planned through <see cref="OutboxStore.PlanAsync"/>
/// in batches; their due times spread evenly over a window that starts after a lead time; then the dispatcher runs
/// as the Quartz job runs it, the real renderer writing each reminder, and a recording provider notes when each
/// message reaches it. Lateness = that moment minus the due time.
/// </summary>
internal static class ReminderLoad
{
    public static async Task RunAsync(LoadArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var total = arguments.Int("reminders", 100_000);
        var window = TimeSpan.FromSeconds(arguments.Double("window", 200));
        var lead = TimeSpan.FromSeconds(arguments.Double("lead", 60));
        var slice = TimeSpan.FromSeconds(arguments.Double("slice", window.TotalSeconds));
        var batch = arguments.Int("batch", 1000);
        var rate = arguments.Double("rate", 1000);
        var tail = TimeSpan.FromSeconds(arguments.Double("tail", 600));
        var sample = arguments.Int("appointments", 1000);
        if (total % 2 != 0)
        {
            throw new ArgumentException("--reminders must be even: two per appointment.", nameof(arguments));
        }

        var clock = TimeProvider.System;
        var sms = new RecordingChannel("sms", clock);
        RecordingChannel[] channels = [sms, new RecordingChannel("whatsapp", clock), new RecordingChannel("telegram", clock)];
        await using var host = await LoadHost.StartAsync(arguments.Postgres, arguments.Text("extra-sql"), channels.ToDictionary(c => c.Channel, _ => rate), channels, cancellationToken);
        var line = Writer(output);
        line($"store: {host.Description}");
        line($"reminders: {total:N0}, due evenly over {window.TotalSeconds:0} s ({total / window.TotalSeconds:0.#}/s) starting {lead.TotalSeconds:0} s after planning starts; measured: those due in the first {slice.TotalSeconds:0} s; rate {rate:0}/s per channel");

        // Setup (not measured): the people and their appointments.
        var setup = Stopwatch.StartNew();
        var appointments = total / 2;
        var now = clock.GetUtcNow();
        var people = Enumerable.Range(0, appointments)
            .Select(i => (Organisation(i), "sms", "+3247" + i.ToString("D7", CultureInfo.InvariantCulture), Seed.Languages[i % Seed.Languages.Length]))
            .ToList();
        var contactIds = await Seed.ContactsAsync(host.Database, people, now, cancellationToken);

        // Reminder j is due at start + j * window / total; appointment a gets reminders a and a + total / 2, and starts 2 h after the second.
        var start = clock.GetUtcNow() + lead;
        var startMs = start.ToUnixTimeMilliseconds();
        long DueMs(int j) => startMs + (long)(j * window.TotalMilliseconds / total);
        var startsAt = Enumerable.Range(0, appointments).Select(a => DateTimeOffset.FromUnixTimeMilliseconds(DueMs(a + appointments)) + TimeSpan.FromHours(2)).ToArray();
        var appointmentIds = await Seed.AppointmentsAsync(
            host.Database,
            Enumerable.Range(0, appointments).Select(a => (contactIds[a], people[a].Item1, people[a].Item4, startsAt[a])).ToList(),
            now,
            cancellationToken);
        line($"setup: {appointments:N0} contacts and appointments written in {setup.Elapsed.TotalSeconds:0.0} s (not measured)");

        var messages = Enumerable.Range(0, total).Select(j =>
        {
            var a = j % appointments;
            var step = j < appointments ? "1d@18:00" : "2h";
            var subject = $"appointment:{appointmentIds[a]}";
            return new PlannedMessage($"{subject}:r1:c{contactIds[a]}:{step}", people[a].Item1, contactIds[a], "reminder", subject, step, people[a].Item4, DueMs(j))
            {
                EventMs = startsAt[a].ToUnixTimeMilliseconds(),
            };
        }).ToList();

        // Measured: planning.
        var outbox = host.Services.GetRequiredService<OutboxStore>();
        var planning = Stopwatch.StartNew();
        var inserted = 0;
        foreach (var chunk in messages.Chunk(batch))
        {
            inserted += await outbox.PlanAsync(chunk, cancellationToken);
        }

        planning.Stop();
        line($"plan: {inserted:N0} reminders through OutboxStore.PlanAsync in batches of {batch:N0} ({messages.Count / batch:N0} calls, one transaction each): {planning.Elapsed.TotalSeconds:0.00} s, {inserted / planning.Elapsed.TotalSeconds:N0} rows/s");
        messages.Clear();
        messages.TrimExcess();
        var margin = start - clock.GetUtcNow();
        line(margin > TimeSpan.Zero
            ? $"the first reminder is due {margin.TotalSeconds:0.0} s after planning ended"
            : $"WARNING: planning ended {-margin.TotalSeconds:0.0} s after the first reminder was due: raise --lead");

        Dictionary<long, long> due;
        await using (var connection = await host.Database.OpenAsync(cancellationToken))
        {
            due = (await connection.QueryAsync<(long Id, long DueMs)>("SELECT id, due_ms FROM outbox")).ToDictionary(r => r.Id, r => r.DueMs);
        }

        var sliceEndMs = startMs + (long)slice.TotalMilliseconds;
        var expected = due.Values.Count(d => d < sliceEndMs);

        // Measured: firing.
        GC.Collect();
        long runs;
        string cpu;
        long peakWorkingSet, peakHeap;
        var dispatching = Stopwatch.StartNew();
        await using (var sampler = new MemorySampler())
        {
            runs = await DispatchLoop.RunAsync(host.Services, () => channels.Sum(c => c.Count) >= expected, lead + slice + tail, cancellationToken);
            cpu = sampler.CpuReport();
            await sampler.StopAsync();
            peakWorkingSet = sampler.PeakWorkingSet;
            peakHeap = sampler.PeakManagedHeap;
        }

        dispatching.Stop();
        var delivered = channels.SelectMany(c => c.Snapshot()).ToList();
        var measured = delivered.Where(d => due[d.OutboxId] < sliceEndMs).ToList();
        var lateness = measured.Select(d => (double)(d.AtMs - due[d.OutboxId])).Order().ToList();
        line($"fired: {measured.Count:N0} of the {expected:N0} due in the first {slice.TotalSeconds:0} s ({delivered.Count:N0} sent in all) in {runs:N0} dispatcher runs; dispatching ran {dispatching.Elapsed.TotalSeconds:0} s, lead included");
        if (measured.Count < expected)
        {
            line($"NOT DONE: {expected - measured.Count:N0} due in the slice were still not sent {tail.TotalSeconds:0} s after its end; their lateness is at least that and is not in the percentiles below");
        }

        line($"lateness (ms): p50 {Stats.Percentile(lateness, 50):N0}, p90 {Stats.Percentile(lateness, 90):N0}, p99 {Stats.Percentile(lateness, 99):N0}, max {lateness.LastOrDefault():N0}, min {lateness.FirstOrDefault():N0}");
        if (measured.Count > 1)
        {
            var first = measured.Min(d => d.AtTicks);
            var last = measured.Max(d => d.AtTicks);
            line($"throughput: {measured.Count / TimeSpan.FromTicks(last - first).TotalSeconds:N0} sent/s between the first and the last measured send (load: {total / window.TotalSeconds:0.#}/s)");
        }

        line("lateness over the window (by due time, 20 s buckets):");
        foreach (var bucket in measured.GroupBy(d => (due[d.OutboxId] - startMs) / 20_000).OrderBy(g => g.Key))
        {
            var sorted = bucket.Select(d => (double)(d.AtMs - due[d.OutboxId])).Order().ToList();
            line($"  due {bucket.Key * 20,4}-{(bucket.Key + 1) * 20,4} s: {sorted.Count,6:N0} sent, p50 {Stats.Percentile(sorted, 50),8:N0} ms, p99 {Stats.Percentile(sorted, 99),8:N0} ms");
        }

        line("sends per 10 s of wall time, from the first due time:");
        line("  " + string.Join(" ", delivered.GroupBy(d => (d.AtMs - startMs) / 10_000).OrderBy(g => g.Key).Select(g => $"{g.Key * 10}s:{g.Count()}")));
        var pauses = Stats.LongestGaps(delivered.Where(d => d.AtMs >= startMs && due[d.OutboxId] < sliceEndMs).Select(d => d.AtTicks).ToList(), 3);
        line($"longest pauses between two sends (a reminder falls due every {window.TotalMilliseconds / total:0.##} ms; a pause of about 1 s is the dispatcher waiting for its next firing): " + string.Join(", ", pauses.Select(p =>
            $"{p.Gap.TotalMilliseconds:N0} ms at +{(p.StartTicks - start.UtcTicks) / (double)TimeSpan.TicksPerSecond:0.0} s")));
        line($"outbox: {string.Join(", ", (await outbox.CountByStateAsync(null, cancellationToken)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value:N0}"))}");
        line($"memory while firing: peak working set {Stats.Mb(peakWorkingSet)}, peak managed heap {Stats.Mb(peakHeap)}; whole process peak working set (VmHWM, setup and planning included) {Stats.Mb(MemorySampler.ProcessPeakWorkingSet())}; GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        line($"CPU while firing: {cpu}");

        // Measured: planning the way staff do it, one appointment (two reminders) per call, on top of the 100,000.
        if (sample > 0)
        {
            var service = host.Services.GetRequiredService<AppointmentService>();
            var day = Instant.FromDateTimeOffset(clock.GetUtcNow()).InZone(DateTimeZoneProviders.Tzdb["Europe/Brussels"]).Date.PlusDays(3);
            var created = Stopwatch.StartNew();
            for (var i = 0; i < sample; i++)
            {
                var result = await service.CreateAsync(
                    new NewAppointment(people[i].Item1, day.At(new LocalTime(9, 0)).PlusMinutes(i % 480), people[i].Item4) { ContactId = contactIds[i] },
                    cancellationToken);
                if (result.Appointment is null)
                {
                    throw new InvalidOperationException("An appointment was refused: " + result.Error);
                }
            }

            created.Stop();
            line($"AppointmentService.CreateAsync: {sample:N0} appointments (2 reminders each) one by one on top of the rest: {created.Elapsed.TotalSeconds:0.00} s, {created.Elapsed.TotalMilliseconds / sample:0.00} ms per appointment");
        }

        var profile = arguments.Int("profile", 1000);
        if (profile > 0)
        {
            await ProfileAsync(host, people, contactIds, appointmentIds, profile, line, cancellationToken);
        }
    }

    /// <summary>
    /// What one message costs the dispatcher, call by call: each store call it makes per message, timed alone
    /// <paramref name="count"/> times on the loaded store (the writes on fresh planned messages, in the dispatcher's order).
    /// </summary>
    private static async Task ProfileAsync(
        LoadHost host,
        List<(string Organisation, string Channel, string Address, string Language)> people,
        long[] contactIds,
        long[] appointmentIds,
        int count,
        Action<string> line,
        CancellationToken cancellationToken)
    {
        var services = host.Services;
        var outbox = services.GetRequiredService<OutboxStore>();
        var contacts = services.GetRequiredService<IContactStore>();
        var content = services.GetRequiredService<IContentStore>();
        var appointments = services.GetRequiredService<AppointmentService>();
        var clock = TimeProvider.System;
        var results = new List<(string Call, double Ms)>();
        var random = new Random(7);
        var picks = Enumerable.Range(0, count).Select(_ => random.Next(contactIds.Length)).ToArray();

        async Task TimeAsync(string call, Func<int, Task> action)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                await action(picks[i]);
            }

            results.Add((call, watch.Elapsed.TotalMilliseconds / count));
        }

        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var planned = Enumerable.Range(0, count).Select(i => new PlannedMessage(
            $"profile:{i}", people[picks[i]].Organisation, contactIds[picks[i]], "reminder", $"appointment:{appointmentIds[picks[i]]}", "2h", people[picks[i]].Language, nowMs + 3_600_000)
        {
            EventMs = nowMs + 7_200_000,
        }).ToList();
        await outbox.PlanAsync(planned, cancellationToken);
        await using (var connection = await host.Database.OpenAsync(cancellationToken))
        {
            var keys = (await connection.QueryAsync<(string Key, long Id)>("SELECT message_key, id FROM outbox WHERE message_key LIKE 'profile:%'")).ToDictionary(r => r.Key, r => r.Id);
            var outboxIds = Enumerable.Range(0, count).Select(i => keys[$"profile:{i}"]).ToArray();
            var position = 0;
            var owner = "profile";
            var lease = nowMs + 120_000;
            await TimeAsync("OutboxStore.DueAsync (100 ids)", _ => outbox.DueAsync(clock.GetUtcNow().ToUnixTimeMilliseconds(), 100, cancellationToken));
            position = 0;
            await TimeAsync("OutboxStore.ClaimAsync (write + read)", _ => outbox.ClaimAsync(outboxIds[position++], owner, lease, cancellationToken));
            await TimeAsync("IContactStore.FindAsync", p => contacts.FindAsync(contactIds[p], cancellationToken));
            await TimeAsync("IContactStore.SameAddressAsync", p => contacts.SameAddressAsync(people[p].Organisation, people[p].Address, cancellationToken));
            await TimeAsync("IContentStore.GetPublishedAsync (renderer)", p => content.GetPublishedAsync(people[p].Organisation, cancellationToken));
            await TimeAsync("AppointmentService.FindAsync (renderer)", p => appointments.FindAsync(appointmentIds[p], cancellationToken));
            position = 0;
            await TimeAsync("OutboxStore.StartSendingAsync (write)", _ => outbox.StartSendingAsync(outboxIds[position++], owner, "sms", "text", cancellationToken));
            position = 0;
            await TimeAsync("OutboxStore.FinishAsync (write)", _ => outbox.FinishAsync(outboxIds[position++], owner, OutboxStates.Sent, "p", null, cancellationToken));
            await TimeAsync("open a connection only", async _ =>
            {
                await using var opened = await host.Database.OpenAsync(cancellationToken);
            });
        }

        line($"per-call cost on the loaded store, each call timed alone {count:N0} times (mean ms; the dispatcher makes each once per message, DueAsync once per 100):");
        foreach (var (call, ms) in results)
        {
            line($"  {call,-46} {ms,7:0.000} ms");
        }

        var perMessage = results.Where(r => !r.Call.StartsWith("open", StringComparison.Ordinal)).Sum(r => r.Call.Contains("DueAsync", StringComparison.Ordinal) ? r.Ms / 100 : r.Ms);
        line($"  sum for one message: {perMessage:0.00} ms, i.e. at most {1000 / perMessage:N0} messages/s from one dispatcher");
    }

    internal static Action<string> Writer(TextWriter output) => text =>
    {
        output.WriteLine(text);
        output.Flush();
    };

    private static string Organisation(int i) => i % 2 == 0 ? "sem" : "cssbse";
}
