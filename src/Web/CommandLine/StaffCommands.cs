using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Reach.Notifications.Appointments;
using Reach.Notifications.Broadcasts;
using Reach.Notifications.Delivery;

namespace Reach.Web.CommandLine;

/// <summary>
/// <c>reach appointments add|list|move|cancel|outcome</c> and <c>reach broadcast preview|send|cancel</c>: what staff do,
/// from a terminal (the web app has the same). Times are local times of the organisation.
/// </summary>
internal static class StaffCommands
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    public static Command Appointments(TextWriter output, TextWriter error)
    {
        var command = new Command("appointments", "Record appointments; their reminders are planned and sent by themselves.");
        command.Subcommands.Add(Add(output, error));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Move(output, error));
        command.Subcommands.Add(Cancel(output, error));
        command.Subcommands.Add(Outcome(output, error));
        return command;
    }

    public static Command Broadcast(TextWriter output, TextWriter error)
    {
        var command = new Command("broadcast", "Write a message once and send it to an audience; nobody sees anybody else.");
        command.Subcommands.Add(BroadcastSend(output, error, preview: true));
        command.Subcommands.Add(BroadcastSend(output, error, preview: false));
        var id = new Option<long>("--id") { Required = true, Description = "The broadcast." };
        var cancel = new Command("cancel", "Cancel what has not gone yet.") { id };
        cancel.SetAction(async (parse, ct) =>
        {
            await using var services = await CommandServices.StartAsync(ct);
            using var scope = services.Scope();
            var stopped = await scope.ServiceProvider.GetRequiredService<BroadcastService>().CancelAsync(parse.GetValue(id), ct);
            output.WriteLine($"broadcast {parse.GetValue(id)}: {stopped} message(s) cancelled");
            return 0;
        });
        command.Subcommands.Add(cancel);
        return command;
    }

    private static Option<string> Org() => new("--org") { Required = true, Description = "The organisation id, e.g. sem." };

    private static Option<string> At(string description) => new("--at") { Required = true, Description = description + " Local time, like 2026-12-04T10:00." };

    private static LocalDateTime? Parse(string text, TextWriter error)
    {
        var parsed = LocalPattern.Parse(text);
        if (!parsed.Success)
        {
            error.WriteLine($"'{text}' is not a local time like 2026-12-04T10:00.");
            return null;
        }

        return parsed.Value;
    }

    private static Command Add(TextWriter output, TextWriter error)
    {
        var org = Org();
        var phone = new Option<string>("--phone") { Required = true, Description = "The phone that gets the reminders, in any usual form (0470 12 34 56, +32 470/12.34.56)." };
        var at = At("When.");
        var language = new Option<string>("--language") { Required = true, Description = "The person's language (fr, ar, uk, es, en…)." };
        var name = new Option<string?>("--name") { Description = "The first name of the person the appointment is for (a family may share a phone)." };
        var service = new Option<string?>("--service") { Description = "The service id." };
        var site = new Option<string?>("--site") { Description = "The site id (the reminder gives its name and address)." };
        var staff = new Option<string?>("--staff") { Description = "Who sees the person." };
        var notes = new Option<string?>("--notes") { Description = "For staff only; never sent." };
        var command = new Command("add", "Record an appointment and plan its reminders.") { org, phone, at, language, name, service, site, staff, notes };
        command.SetAction(async (parse, ct) =>
        {
            if (Parse(parse.GetValue(at)!, error) is not { } start)
            {
                return 1;
            }

            await using var services = await CommandServices.StartAsync(ct);
            var appointments = services.Get<AppointmentService>();
            var result = await appointments.CreateAsync(
                new NewAppointment(parse.GetValue(org)!, start, parse.GetValue(language)!)
                {
                    Phone = parse.GetValue(phone), FirstName = parse.GetValue(name), ServiceId = parse.GetValue(service),
                    SiteId = parse.GetValue(site), Staff = parse.GetValue(staff), Notes = parse.GetValue(notes),
                },
                ct);
            if (result.Appointment is not { } appointment)
            {
                error.WriteLine(result.Error);
                return 1;
            }

            output.WriteLine($"appointment {appointment.Id}: {start:uuuu-MM-dd HH:mm}");
            await PrintRemindersAsync(services, appointment, output, ct);
            return 0;
        });
        return command;
    }

    private static async Task PrintRemindersAsync(CommandServices services, Appointment appointment, TextWriter output, CancellationToken ct)
    {
        var zone = await services.Get<OrganisationZones>().ZoneAsync(appointment.OrganisationId, ct);
        var planned = (await services.Get<OutboxStore>().ListBySubjectAsync(appointment.Subject, ct)).Where(m => m.Kind == "reminder" && m.State == OutboxStates.Planned).ToList();
        output.WriteLine(planned.Count == 0 ? "no reminder planned (their times have passed)" : "reminders planned:");
        foreach (var message in planned)
        {
            output.WriteLine($"  {message.Step}: {Instant.FromUnixTimeMilliseconds(message.DueMs).InZone(zone):uuuu-MM-dd HH:mm}");
        }
    }

    private static Command List(TextWriter output)
    {
        var org = Org();
        var from = new Option<string?>("--from") { Description = "First day, like 2026-12-01 (default: today)." };
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 7, Description = "How many days (default 7)." };
        var command = new Command("list", "Appointments of a period with their reminder status and reply.") { org, from, days };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CommandServices.StartAsync(ct);
            var organisation = parse.GetValue(org)!;
            var zone = await services.Get<OrganisationZones>().ZoneAsync(organisation, ct);
            var first = parse.GetValue(from) is { } text && LocalDatePattern.Iso.Parse(text) is { Success: true } day
                ? day.Value
                : Instant.FromDateTimeOffset(services.TimeProvider.GetUtcNow()).InZone(zone).Date;
            var start = zone.AtStartOfDay(first).ToInstant();
            var end = zone.AtStartOfDay(first.PlusDays(parse.GetValue(days))).ToInstant();
            foreach (var view in await services.Get<AppointmentService>().ListAsync(organisation, start, end, ct))
            {
                var a = view.Appointment;
                output.WriteLine(string.Join(" | ",
                    a.Id.ToString(CultureInfo.InvariantCulture),
                    a.StartsAt.InZone(zone).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    a.FirstName ?? "-",
                    a.Language,
                    a.ServiceId ?? "-",
                    view.Reminded ? "reminded" : $"{view.RemindersPlanned} reminder(s) planned",
                    view.Reply,
                    a.Outcome ?? "-"));
            }

            return 0;
        });
        return command;
    }

    private static Command Move(TextWriter output, TextWriter error)
    {
        var id = new Option<long>("--id") { Required = true, Description = "The appointment." };
        var at = At("The new time.");
        var command = new Command("move", "Move an appointment: reminders planned again, the person told.") { id, at };
        command.SetAction(async (parse, ct) =>
        {
            if (Parse(parse.GetValue(at)!, error) is not { } start)
            {
                return 1;
            }

            await using var services = await CommandServices.StartAsync(ct);
            var result = await services.Get<AppointmentService>().MoveAsync(parse.GetValue(id), start, ct);
            if (result.Appointment is not { } appointment)
            {
                error.WriteLine(result.Error);
                return 1;
            }

            output.WriteLine($"appointment {appointment.Id}: moved to {start:uuuu-MM-dd HH:mm}; the person is told");
            await PrintRemindersAsync(services, appointment, output, ct);
            return 0;
        });
        return command;
    }

    private static Command Cancel(TextWriter output, TextWriter error)
    {
        var id = new Option<long>("--id") { Required = true, Description = "The appointment." };
        var command = new Command("cancel", "Cancel an appointment and its reminders; the person is told.") { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CommandServices.StartAsync(ct);
            var result = await services.Get<AppointmentService>().CancelAsync(parse.GetValue(id), "staff", ct);
            (result.Appointment is null ? error : output).WriteLine(result.Error ?? $"appointment {parse.GetValue(id)}: cancelled; the person is told");
            return result.Appointment is null ? 1 : 0;
        });
        return command;
    }

    private static Command Outcome(TextWriter output, TextWriter error)
    {
        var id = new Option<long>("--id") { Required = true, Description = "The appointment." };
        var outcome = new Argument<string>("OUTCOME") { Description = "attended or no-show." };
        outcome.AcceptOnlyFromAmong(AppointmentStatus.Attended, AppointmentStatus.NoShow);
        var command = new Command("outcome", "After the fact: attended or no-show.") { id, outcome };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await CommandServices.StartAsync(ct);
            var done = await services.Get<AppointmentService>().MarkOutcomeAsync(parse.GetValue(id), parse.GetValue(outcome)!, ct);
            (done ? output : error).WriteLine(done ? $"appointment {parse.GetValue(id)}: {parse.GetValue(outcome)}" : "Only a past appointment that was not cancelled can be marked.");
            return done ? 0 : 1;
        });
        return command;
    }

    private static Command BroadcastSend(TextWriter output, TextWriter error, bool preview)
    {
        var org = Org();
        var audience = new Option<string>("--audience") { Required = true, Description = "session:<activity>/<session>, waiting:<activity>/<session>, group:<id> or news." };
        var source = new Option<string>("--source") { DefaultValueFactory = _ => "fr", Description = "The language the message is written in (default fr)." };
        var texts = new Option<string[]>("--text") { Required = true, AllowMultipleArgumentsPerToken = false, Description = "A text as language=text; give the source and any translations, e.g. --text fr=\"Fermé vendredi\" --text ar=\"…\"." };
        var sourceWhereMissing = new Option<bool>("--send-source-where-missing") { Description = "People whose language has no text get the source text." };
        var at = new Option<string?>("--at") { Description = "Send at this local time (default: now)." };
        var author = new Option<string>("--author") { Required = true, Description = "Who sends it, for the record." };
        var command = preview
            ? new Command("preview", "Recipients per language and channel, the texts, SMS segments and the estimated cost.") { org, audience, source, texts, sourceWhereMissing }
            : new Command("send", "Send now or at a time; refused while a language has no text (write it or --send-source-where-missing).") { org, audience, source, texts, sourceWhereMissing, at, author };
        command.SetAction(async (parse, ct) =>
        {
            var written = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(texts)!)
            {
                if (pair.Split('=', 2) is not [var language, var text] || language.Length == 0)
                {
                    error.WriteLine($"'{pair}' should be language=text, like fr=\"Fermé vendredi\".");
                    return 1;
                }

                written[language] = text;
            }

            await using var services = await CommandServices.StartAsync(ct);
            using var scope = services.Scope();
            var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
            var organisation = parse.GetValue(org)!;
            var draft = new BroadcastDraft(organisation, preview ? "preview" : parse.GetValue(author)!, parse.GetValue(audience)!, parse.GetValue(source)!, written)
            {
                SendSourceWhereMissing = parse.GetValue(sourceWhereMissing),
            };
            try
            {
                if (preview)
                {
                    Print(await broadcasts.PreviewAsync(draft, ct), output);
                    return 0;
                }

                Instant? when = null;
                if (parse.GetValue(at) is { } local)
                {
                    if (Parse(local, error) is not { } time)
                    {
                        return 1;
                    }

                    when = (await services.Get<OrganisationZones>().ZoneAsync(organisation, ct)).AtLeniently(time).ToInstant();
                }

                var result = await broadcasts.ScheduleAsync(draft, when, ct);
                if (result.Preview is { } shown)
                {
                    Print(shown, output);
                }

                (result.Id is null ? error : output).WriteLine(result.Error ?? $"broadcast {result.Id}: {result.Preview!.Recipients} message(s) planned");
                return result.Id is null ? 1 : 0;
            }
            catch (ArgumentException e)
            {
                error.WriteLine(e.Message.Split(" (Parameter", 2)[0]);
                return 1;
            }
        });
        return command;
    }

    private static void Print(BroadcastPreview preview, TextWriter output)
    {
        output.WriteLine($"{preview.Recipients} recipient(s): {string.Join(", ", preview.PerChannel.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"))}");
        foreach (var language in preview.Languages)
        {
            var text = language.Missing ? "NO TEXT: write it or send the source text" : (language.SourceText ? "(source text) " : string.Empty) + language.Text;
            output.WriteLine($"  {language.Language}: {language.Recipients} | {text}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SMS: {preview.SmsSegments} segment(s), about {preview.EstimatedCost:0.00} {preview.Currency}"));
    }
}
