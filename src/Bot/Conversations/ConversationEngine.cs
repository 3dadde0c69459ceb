using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Reach.Bot.Answers;
using Reach.Bot.Language;
using Reach.Bot.Localization;
using Reach.Content.Model;
using Reach.Content.Storage;
using Contact = Reach.Notifications.Contacts.Contact;
using Reach.Notifications.Contacts;
using Reach.Bot.Reminders;
using Reach.Notifications.Appointments;
using Reach.Notifications.Delivery;
using Reach.Notifications.Reminders;
using Reach.Notifications.Signups;

namespace Reach.Bot.Conversations;

/// <summary>
/// The conversation on every channel: first contact (greeting, language, privacy notice, menu), the
/// main menu, free questions answered from curated content, a person when asked or needed, opt-out
/// (STOP / START / HELP in every language) and erasure ("forget me"). Channel-neutral: adapters map
/// their messages to <see cref="IncomingMessage"/> and render <see cref="OutgoingMessage"/>.
/// </summary>
public sealed partial class ConversationEngine(
    AnswerService answers,
    IContactStore contacts,
    SignupStore signups,
    AppointmentService appointments,
    SessionReminders sessionReminders,
    OutboxStore outbox,
    IUnansweredQuestions unanswered,
    QuestionCounts counts,
    IOptions<ConversationOptions> options,
    ILogger<ConversationEngine> logger)
{
    private readonly Locales locales = Locales.Default;

    public async Task<IReadOnlyList<OutgoingMessage>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var organisation = options.Value.Organisation;
        var engine = await answers.EngineAsync(organisation, cancellationToken);
        if (engine is null)
        {
            Log.NoContent(logger, organisation);
            return [];
        }

        var content = engine.Content;
        var contact = await contacts.GetOrCreateAsync(organisation, message.Channel, message.Address, message.FirstName, cancellationToken);
        var offered = content.Organisation.Languages;
        var replies = new Replies(message, contact.Language
            ?? LanguageIdentifier.Identify(message.Text, offered)?.Language
            ?? (message.LanguageHint is { } hint && offered.Contains(hint) ? hint : null)
            ?? content.Organisation.SourceLanguage);

        if (Keywords.Is(Keywords.Resume, message.Text))
        {
            await contacts.SaveAsync(contact with { OptedOut = false }, cancellationToken);
            return replies.Add(Text(replies.Language, "optout.resumed", content)).All;
        }

        if (contact.OptedOut)
        {
            return []; // After STOP, nothing is sent until START.
        }

        if (Keywords.Is(Keywords.OptOut, message.Text))
        {
            await contacts.SaveAsync(contact with { OptedOut = true }, cancellationToken);

            // Also what was already queued: nothing but this confirmation goes out until START.
            var sameAddress = contact.Channel is "sms" or "whatsapp" ? await contacts.SameAddressAsync(organisation, contact.Address, cancellationToken) : [];
            await outbox.SuppressAsync([contact.Id, .. sameAddress.Select(c => c.Id)], cancellationToken);
            Log.OptedOut(logger, organisation, message.Channel);
            return replies.Add(Text(replies.Language, "optout.done", content)).All;
        }

        if (await contacts.HasOpenHandoffAsync(contact.Id, cancellationToken) && message.Text is { } inboxText)
        {
            await contacts.AddMessageAsync(contact.Id, "in", inboxText, cancellationToken);
        }

        return message.Choice is { } choice
            ? await ChooseAsync(contact, choice, replies, engine, message.At, cancellationToken)
            : await WriteAsync(contact, message, replies, engine, cancellationToken);
    }

    private async Task<IReadOnlyList<OutgoingMessage>> WriteAsync(Contact contact, IncomingMessage message, Replies replies, AnswerEngine engine, CancellationToken cancellationToken)
    {
        var content = engine.Content;
        if (ReplyCodes.Read(message.Text) is { } code && await appointments.AwaitingReplyAsync(contact, cancellationToken) is { } awaiting)
        {
            // A bare "1" or "2" answers the last reminder (after a restart the numbered menu is forgotten).
            return await ReplyToReminderAsync(contact, awaiting.Id, code, replies, engine, cancellationToken);
        }

        if (Keywords.Is(Keywords.Help, message.Text))
        {
            return replies.Add(locales.Text(replies.Language, "help", ("organisation", Name(content, replies.Language)), ("contact", ContactText(content))), Menu(replies.Language)).All;
        }

        if (Keywords.Is(Keywords.Forget, message.Text))
        {
            await contacts.SaveAsync(contact with { Stage = "forget" }, cancellationToken);
            return replies.Add(locales.Text(replies.Language, "forget.confirm"),
                [new Choice("forget:yes", locales.Text(replies.Language, "forget.yes")), new Choice("forget:no", locales.Text(replies.Language, "forget.no"))]).All;
        }

        if (contact.Stage != "new" && Keywords.Is(Keywords.Person, message.Text))
        {
            return await ChooseAsync(contact, "menu:person", replies, engine, message.At, cancellationToken);
        }

        var offered = content.Organisation.Languages;
        var detected = LanguageIdentifier.Identify(message.Text, offered);
        var decision = LanguagePolicy.Decide(
            new LanguageState(contact.Language, contact.LanguageCandidate, contact.CandidateCount), detected, message.LanguageHint, offered);
        var language = decision.Language ?? content.Organisation.SourceLanguage;
        replies.Language = language;
        contact = contact with { Language = decision.Language ?? contact.Language, LanguageCandidate = decision.State.Candidate, CandidateCount = decision.State.CandidateCount };

        var answer = engine.Answer(message.Text, language, message.At);
        var safety = answer.Match?.Kind == Matching.MatchKind.Safety;
        if (safety)
        {
            // Emergency numbers come before anything else, even a welcome.
            replies.Add(answer.Text);
        }

        if (contact.Stage == "new")
        {
            FirstContact(replies, content, message, decision.AskToChoose);
            contact = contact with { Stage = "ready" };
        }

        var firstContactOnly = replies.All.Count > 0 && answer.Abstained;
        if (!firstContactOnly && !safety)
        {
            replies.Add(answer.Text);
        }

        if (!firstContactOnly && message.Text is { Length: > 0 } asked)
        {
            // For the coordinators: counts per week, language and topic, and the questions not understood (no sender).
            var topic = answer.Match switch
            {
                null => "not understood",
                { Kind: Matching.MatchKind.Faq } faq => content.Faq.FirstOrDefault(f => f.Id == faq.Id)?.Topic ?? "faq",
                var other => other.KindName,
            };
            await counts.RecordAsync(content.Organisation.Id, language, topic, !answer.Abstained && !answer.Handoff && !safety, message.At.ToDateTimeOffset(), cancellationToken);
            if (answer.Abstained)
            {
                await unanswered.RecordAsync(content.Organisation.Id, language, asked, cancellationToken);
            }
        }

        if (answer.Match is { Kind: Matching.MatchKind.Activity } activityMatch && content.Activities.First(a => a.Id == activityMatch.Id) is { Signup.Required: true } activity)
        {
            await OfferSignupAsync(replies, engine, activity, message.At, cancellationToken);
        }

        var misunderstood = answer.Abstained ? contact.Misunderstood + 1 : 0;
        if (safety)
        {
            await OpenHandoffAsync(contact, "safety", cancellationToken);
        }
        else if (misunderstood >= 2)
        {
            replies.Add(locales.Text(language, "handoff.offer"),
                [new Choice("menu:person", locales.Text(language, "menu.person")), new Choice("menu:ask", locales.Text(language, "menu.ask"))]);
            misunderstood = 0;
        }

        await contacts.SaveAsync(contact with { Misunderstood = firstContactOnly ? 0 : misunderstood }, cancellationToken);
        return replies.All;
    }

    private async Task<IReadOnlyList<OutgoingMessage>> ChooseAsync(Contact contact, string choice, Replies replies, AnswerEngine engine, Instant now, CancellationToken cancellationToken)
    {
        var content = engine.Content;
        var language = replies.Language;
        switch (choice)
        {
            case "forget:yes" when contact.Stage == "forget":
                // Places are released first, so the next on each waiting list is promoted and told.
                foreach (var held in await signups.ForContactAsync(contact.Id, cancellationToken))
                {
                    if (FindSession(content, held.SessionId) is ({ } heldActivity, { } heldSession))
                    {
                        var (_, next) = await signups.CancelAsync(content.Organisation.Id, heldSession.Id, contact.Id, Capacity(heldActivity, heldSession), cancellationToken);
                        await TellPromotedAsync(next, heldActivity, heldSession, replies, engine, cancellationToken);
                    }
                }

                await contacts.ForgetAsync(contact.Id, cancellationToken);
                Log.Forgotten(logger, content.Organisation.Id);
                return replies.Add(locales.Text(language, "forget.done")).All;
            case "forget:no" or "forget:yes":
                await contacts.SaveAsync(contact with { Stage = "ready" }, cancellationToken);
                return replies.Add(locales.Text(language, "forget.kept"), Menu(language)).All;
            case "menu:language":
                return replies.Add(locales.Text(language, "chat.choose_language"), LanguageMenu(content)).All;
            case "menu:hours":
                return replies.Add(engine.OpeningHours(language, now), Menu(language)).All;
            case "menu:workshops":
                return replies.Add(engine.Upcoming([ActivityKind.Workshop, ActivityKind.Course, ActivityKind.Group, ActivityKind.Meal], language, now), Menu(language)).All;
            case "menu:outings":
                return replies.Add(engine.Upcoming([ActivityKind.Outing, ActivityKind.Event], language, now), Menu(language)).All;
            case "menu:ask":
                return replies.Add(locales.Text(language, "chat.ask")).All;
            case "menu:person":
                await OpenHandoffAsync(contact, "asked", cancellationToken);
                return replies.Add(Handoff(language, content, engine, now)).All;
        }

        if (choice.StartsWith("appt:", StringComparison.Ordinal) && choice.Split(':') is [_, var idText, var answer and ("yes" or "no")]
            && long.TryParse(idText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var appointmentId))
        {
            return await ReplyToReminderAsync(contact, appointmentId, answer == "yes", replies, engine, cancellationToken);
        }

        if (choice == "menu:mine")
        {
            return await MineAsync(contact, replies, engine, now, cancellationToken);
        }

        if (choice.StartsWith("signup:", StringComparison.Ordinal) && FindSession(content, choice[7..]) is ({ } signupActivity, { } signupSession))
        {
            var result = await signups.SignUpAsync(content.Organisation.Id, signupActivity.Id, signupSession.Id, contact.Id, Capacity(signupActivity, signupSession), cancellationToken);
            if (result.Status == SignupStatus.Confirmed)
            {
                await sessionReminders.PlanAsync(content, signupActivity, signupSession, contact.Id, language, cancellationToken);
            }

            var title = signupActivity.Title.Get(language, content.Organisation.SourceLanguage);
            var date = engine.FormatDate(signupSession.Date, language);
            return result.Status == SignupStatus.Confirmed
                ? replies.Add(locales.Text(language, "signup.confirmed", ("title", title), ("date", date), ("times", engine.FormatTimes(signupSession, language))),
                    [new Choice("unsign:" + signupSession.Id, locales.Text(language, "signup.cancel", ("date", date)))]).All
                : replies.Add(locales.Text(language, "signup.waiting", ("title", title), ("date", date), ("position", result.WaitingPosition)),
                    [new Choice("unsign:" + signupSession.Id, locales.Text(language, "signup.cancel", ("date", date)))]).All;
        }

        if (choice.StartsWith("unsign:", StringComparison.Ordinal) && FindSession(content, choice[7..]) is ({ } cancelActivity, { } cancelSession))
        {
            var (cancelled, promoted) = await signups.CancelAsync(content.Organisation.Id, cancelSession.Id, contact.Id, Capacity(cancelActivity, cancelSession), cancellationToken);
            if (!cancelled)
            {
                return await MineAsync(contact, replies, engine, now, cancellationToken);
            }

            await sessionReminders.CancelAsync(cancelActivity.Id, cancelSession.Id, contact.Id, cancellationToken);

            replies.Add(locales.Text(language, "signup.cancelled", ("title", cancelActivity.Title.Get(language, content.Organisation.SourceLanguage)), ("date", engine.FormatDate(cancelSession.Date, language))), Menu(language));
            await TellPromotedAsync(promoted, cancelActivity, cancelSession, replies, engine, cancellationToken);
            return replies.All;
        }

        if (choice.StartsWith("lang:", StringComparison.Ordinal) && content.Organisation.Languages.Contains(choice[5..]))
        {
            var chosen = choice[5..];
            var state = LanguagePolicy.Choose(chosen);
            var changed = chosen != replies.Language;
            await contacts.SaveAsync(contact with { Language = chosen, LanguageCandidate = state.Candidate, CandidateCount = 0, Stage = "ready" }, cancellationToken);
            replies.Language = chosen;
            if (changed)
            {
                // The privacy notice was given in another language: give it again in the chosen one.
                replies.Add(locales.Text(chosen, "chat.privacy", ("address", locales.Text(chosen, contact.Channel is "sms" or "whatsapp" ? "chat.address.phone" : "chat.address.chat"))));
            }

            return replies.Add(locales.Text(chosen, "chat.language_set") + "\n" + locales.Text(chosen, "menu.prompt"), Menu(chosen)).All;
        }

        // An unknown or stale button: show the menu again rather than nothing.
        return replies.Add(locales.Text(language, "menu.prompt"), Menu(language)).All;
    }

    private async Task OfferSignupAsync(Replies replies, AnswerEngine engine, Activity activity, Instant now, CancellationToken cancellationToken)
    {
        var today = engine.Today(now);
        var choices = new List<Choice>();
        foreach (var session in activity.Sessions.Where(s => s.Date >= today && s.Cancelled is null).OrderBy(s => s.Date).Take(3))
        {
            var places = await signups.PlacesLeftAsync(engine.Content.Organisation.Id, session.Id, Capacity(activity, session), cancellationToken);
            var label = places is { } left
                ? locales.Text(replies.Language, "signup.button", ("date", engine.FormatDate(session.Date, replies.Language)),
                    ("places", left > 0 ? locales.Plural(replies.Language, "session.places", left) : locales.Text(replies.Language, "session.full")))
                : engine.FormatDate(session.Date, replies.Language);
            choices.Add(new Choice("signup:" + session.Id, label));
        }

        if (choices.Count > 0)
        {
            replies.Add(locales.Text(replies.Language, "signup.offer"), choices);
        }
    }

    private async Task<IReadOnlyList<OutgoingMessage>> MineAsync(Contact contact, Replies replies, AnswerEngine engine, Instant now, CancellationToken cancellationToken)
    {
        var content = engine.Content;
        var language = replies.Language;
        var upcoming = await appointments.UpcomingAsync(contact, cancellationToken);
        if (upcoming.Count > 0)
        {
            var zone = DateTimeZoneProviders.Tzdb[content.Organisation.TimeZone];
            replies.Add(locales.Text(language, "appointments.mine") + "\n" + string.Join("\n", upcoming.Select(a => "- " + ReminderTexts.AppointmentLine(a, content, engine, zone, language))));
        }

        var mine = (await signups.ForContactAsync(contact.Id, cancellationToken))
            .Select(s => (Signup: s, Found: FindSession(content, s.SessionId)))
            .Where(x => x.Found.Activity is not null && x.Found.Session!.Date >= engine.Today(now))
            .ToList();
        if (mine.Count == 0)
        {
            return replies.Add(locales.Text(language, "signup.none"), Menu(language)).All;
        }

        var lines = mine.Select(x => "- " + x.Found.Activity!.Title.Get(language, content.Organisation.SourceLanguage) + ", " + engine.FormatDate(x.Found.Session!.Date, language)
            + ", " + engine.FormatTimes(x.Found.Session, language) + (x.Signup.Status == SignupStatus.Waiting ? " (" + locales.Text(language, "signup.waiting_line") + ")" : string.Empty));
        var cancels = mine.Select(x => new Choice("unsign:" + x.Signup.SessionId, locales.Text(language, "signup.cancel", ("date", engine.FormatDate(x.Found.Session!.Date, language))))).ToList();
        return replies.Add(locales.Text(language, "signup.mine") + "\n" + string.Join("\n", lines), cancels).All;
    }

    private async Task<IReadOnlyList<OutgoingMessage>> ReplyToReminderAsync(Contact contact, long appointmentId, bool confirm, Replies replies, AnswerEngine engine, CancellationToken cancellationToken)
    {
        var answered = await appointments.ReplyAsync(contact, appointmentId, confirm, cancellationToken);
        if (answered is null)
        {
            return replies.Add(locales.Text(replies.Language, "reminder.nothing"), Menu(replies.Language)).All;
        }

        // The answer is in the language of the reminder (a family may share one phone).
        replies.Language = engine.Content.Organisation.Languages.Contains(answered.Language) ? answered.Language : replies.Language;
        var language = replies.Language;

        var local = answered.StartsAt.InZone(DateTimeZoneProviders.Tzdb[engine.Content.Organisation.TimeZone]);
        return replies.Add(locales.Text(language, confirm ? "reminder.confirmed" : "reminder.cancelled",
            ("date", engine.FormatDate(local.Date, language)),
            ("time", local.TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)))).All;
    }

    /// <summary>A person will answer here, when the team next reads messages, and how to reach the desk now.</summary>
    private string Handoff(string language, OrganisationContent content, AnswerEngine engine, Instant now)
    {
        var lines = new List<string> { locales.Text(language, "handoff.opened", ("organisation", Name(content, language))) };
        if (engine.NextOpening(language, now) is { } when)
        {
            lines.Add(locales.Text(language, "handoff.when", ("when", when)));
        }

        lines.Add(engine.Contact(language));
        return string.Join("\n", lines);
    }

    /// <summary>The first on the waiting list is told on their own channel, in their own language.</summary>
    private async Task TellPromotedAsync(long? promoted, Activity activity, Session session, Replies replies, AnswerEngine engine, CancellationToken cancellationToken)
    {
        if (promoted is not { } promotedId || await contacts.FindAsync(promotedId, cancellationToken) is not { OptedOut: false } lucky)
        {
            return;
        }

        var source = engine.Content.Organisation.SourceLanguage;
        var theirs = lucky.Language ?? source;
        await sessionReminders.PlanAsync(engine.Content, activity, session, lucky.Id, theirs, cancellationToken);
        replies.AddFor(lucky.Channel, lucky.Address, theirs, locales.Text(theirs, "signup.promoted",
            ("title", activity.Title.Get(theirs, source)), ("date", engine.FormatDate(session.Date, theirs)), ("times", engine.FormatTimes(session, theirs))));
    }

    private static (Activity? Activity, Session? Session) FindSession(OrganisationContent content, string sessionId)
    {
        foreach (var activity in content.Activities)
        {
            if (activity.Sessions.FirstOrDefault(s => s.Id == sessionId) is { } session)
            {
                return (activity, session);
            }
        }

        return (null, null);
    }

    private static int? Capacity(Activity activity, Session session) => session.Capacity ?? activity.Signup?.Capacity;

    private void FirstContact(Replies replies, OrganisationContent content, IncomingMessage message, bool askToChoose)
    {
        var language = replies.Language;
        var name = string.IsNullOrWhiteSpace(message.FirstName) ? string.Empty : " " + message.FirstName;
        var address = locales.Text(language, message.Channel is "sms" or "whatsapp" ? "chat.address.phone" : "chat.address.chat");
        replies.Add(locales.Text(language, "chat.greeting", ("name", name), ("organisation", Name(content, language))));
        replies.Add(locales.Text(language, askToChoose ? "chat.choose_language" : "chat.confirm_language"), LanguageMenu(content));
        replies.Add(locales.Text(language, "chat.privacy", ("address", address)));
        replies.Add(locales.Text(language, "menu.prompt"), Menu(language));
    }

    private async Task OpenHandoffAsync(Contact contact, string reason, CancellationToken cancellationToken)
    {
        if (await contacts.OpenHandoffAsync(contact.Id, contact.OrganisationId, reason, cancellationToken))
        {
            Log.HandoffOpened(logger, contact.OrganisationId, reason);
        }
    }

    private IReadOnlyList<Choice> Menu(string language) =>
    [
        new("menu:hours", locales.Text(language, "menu.hours")),
        new("menu:workshops", locales.Text(language, "menu.workshops")),
        new("menu:outings", locales.Text(language, "menu.outings")),
        new("menu:mine", locales.Text(language, "menu.mine")),
        new("menu:ask", locales.Text(language, "menu.ask")),
        new("menu:person", locales.Text(language, "menu.person")),
        new("menu:language", locales.Text(language, "menu.language")),
    ];

    private static List<Choice> LanguageMenu(OrganisationContent content) =>
        LanguagePolicy.Menu(content.Organisation.Languages).Select(m => new Choice("lang:" + m.Code, m.Name)).ToList();

    private string Text(string language, string key, OrganisationContent content) =>
        locales.Text(language, key, ("organisation", Name(content, language)));

    private static string Name(OrganisationContent content, string language) =>
        content.Organisation.Name.Get(language, content.Organisation.SourceLanguage);

    private static string ContactText(OrganisationContent content) =>
        string.Join(", ", new[] { content.Organisation.Contact.Phone, content.Organisation.Contact.Email }.Where(c => c is not null));

    /// <summary>The replies to one message, addressed back to its sender.</summary>
    private sealed class Replies(IncomingMessage message, string language)
    {
        private readonly List<OutgoingMessage> all = [];

        public string Language { get; set; } = language;

        public List<OutgoingMessage> All => all;

        /// <summary>A message to someone else than the sender (a person promoted from a waiting list).</summary>
        public Replies AddFor(string channel, string address, string language, string text)
        {
            all.Add(new OutgoingMessage(channel, address, language, text));
            return this;
        }

        public Replies Add(string text, IReadOnlyList<Choice>? choices = null)
        {
            all.Add(new OutgoingMessage(message.Channel, message.Address, Language, text) { Choices = choices ?? [] });
            return this;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "No published content for {Organisation}: the message is not answered")]
        public static partial void NoContent(ILogger logger, string organisation);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "A person of {Organisation} opted out on {Channel}")]
        public static partial void OptedOut(ILogger logger, string organisation, string channel);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "A person of {Organisation} was forgotten at their request")]
        public static partial void Forgotten(ILogger logger, string organisation);

        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Handoff to a person opened for {Organisation} ({Reason})")]
        public static partial void HandoffOpened(ILogger logger, string organisation, string reason);
    }
}
