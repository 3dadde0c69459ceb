using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using Reach.Bot.Answers;
using Reach.Bot.Conversations;
using Reach.Bot.Localization;
using Reach.Bot.Reminders;
using Reach.Bot.Tests.Conversations;
using Reach.Content.Model;
using Reach.Content.Storage;
using Reach.Notifications.Reminders;
using Reach.Testing;

namespace Reach.Bot.Tests.Reminders;

/// <summary>Reminder texts as people receive them: neutral on a lock screen, in their language, with two answers.</summary>
public sealed class ReminderTextsTests : IAsyncLifetime
{
    private ConversationFixture chat = null!;
    private ReminderTexts texts = null!;

    public async ValueTask InitializeAsync()
    {
        chat = await ConversationFixture.StartAsync("sem", new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var answers = new AnswerService(new ContentStore(chat.Database, chat.Clock), new UnansweredQuestionStore(chat.Database, chat.Clock), Options.Create(new AnswerOptions()), chat.Clock, NullLogger<AnswerService>.Instance);
        texts = new ReminderTexts(answers, chat.Appointments, chat.Signups);
    }

    public async ValueTask DisposeAsync() => await chat.DisposeAsync();

    [Theory]
    [InlineData("fr", null, "Rappel : rendez-vous vendredi 4 décembre à 10:00, Service Entraide Migrants.", "Je viens|Je ne peux pas venir")]
    [InlineData("fr", "Amal", "Rappel pour Amal : rendez-vous vendredi 4 décembre à 10:00, Service Entraide Migrants.", "Je viens|Je ne peux pas venir")]
    [InlineData("ar", null, "تذكير: موعد الجمعة 4 ديسمبر الساعة 10:00، خدمة التآزر بين المهاجرين (SEM).", "سأحضر|لا أستطيع الحضور")]
    [InlineData("uk", null, "Нагадування: зустріч у пʼятницю, 4 грудня о 10:00, Служба взаємодопомоги мігрантів (SEM).", "Я прийду|Не можу прийти")]
    [InlineData("es", null, "Recordatorio: cita viernes 4 de diciembre a las 10:00, Servicio de Ayuda Mutua entre Migrantes (SEM).", "Voy a ir|No puedo ir")]
    public async Task An_appointment_reminder_says_when_and_where_only(string language, string? name, string text, string choices)
    {
        var appointment = await chat.BookAsync("+32470555666", new LocalDateTime(2026, 12, 4, 10, 0), language, name, reminded: false);
        var message = (await chat.Outbox.ListBySubjectAsync(appointment.Subject, CancellationToken.None))[0];

        var rendered = (await texts.RenderAsync(message, CancellationToken.None)).ShouldNotBeNull();

        rendered.Text.ShouldBe(text);
        string.Join('|', rendered.Choices.Select(c => c.Label)).ShouldBe(choices);
        rendered.Choices.Select(c => c.Id).ShouldBe([$"appt:{appointment.Id}:yes", $"appt:{appointment.Id}:no"]);
    }

    [Fact]
    public async Task A_cancelled_appointment_has_no_reminder_text()
    {
        var appointment = await chat.BookAsync("+32470555666", new LocalDateTime(2026, 12, 4, 10, 0), "fr", null, reminded: false);
        var message = (await chat.Outbox.ListBySubjectAsync(appointment.Subject, CancellationToken.None))[0];
        await chat.Appointments.CancelAsync(appointment.Id, "staff", CancellationToken.None);

        (await texts.RenderAsync(message, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public void No_reply_code_or_answer_label_is_an_opt_out_resume_or_help_word_in_any_language()
    {
        ReplyCodes.Confirm.Concat(ReplyCodes.Cancel).ShouldAllBe(code => !Keywords.Collides(code));
        foreach (var language in Locales.Default.Languages)
        {
            Keywords.Collides(Locales.Default.Text(language, "reminder.confirm")).ShouldBeFalse(language);
            Keywords.Collides(Locales.Default.Text(language, "reminder.cancel")).ShouldBeFalse(language);
        }

        Keywords.Collides("CANCEL").ShouldBeTrue("Twilio's CANCEL unsubscribes: it can never be a reply code");
        ReplyCodes.Read(" 1. ").ShouldBe(true);
        ReplyCodes.Read("2").ShouldBe(false);
        ReplyCodes.Read("cancel").ShouldBeNull();
    }

    [Fact]
    public async Task Stop_suppresses_the_reminders_already_planned()
    {
        var appointment = await chat.BookAsync("+32470555666", new LocalDateTime(2026, 12, 4, 10, 0), "fr", null, reminded: false);

        await chat.SendAsync("+32470555666", "STOP", channel: "sms");

        (await chat.Outbox.ListBySubjectAsync(appointment.Subject, CancellationToken.None)).Select(m => m.State).ShouldBe(["suppressed", "suppressed"]);
    }

    [Theory]
    [InlineData("fr", "Vous êtes inscrit·e : Atelier cuisine du monde, vendredi 15 janvier, 10:00–13:30.")]
    [InlineData("ar", "تم تسجيلك: ورشة طبخ من العالم، الجمعة 15 يناير، 10:00–13:30.")]
    public async Task A_sign_up_staff_made_is_confirmed_to_the_person_in_their_language(string language, string text)
    {
        var (content, activity, session) = await CookingAsync();
        var person = await chat.Contacts.GetOrCreateAsync("sem", "sms", "+32470555666", null, CancellationToken.None);
        await chat.Signups.SignUpAsync("sem", activity.Id, session.Id, person.Id, 10, CancellationToken.None);
        await Sessions().NoticeAsync(content, activity, session, person.Id, language, "confirmed", CancellationToken.None);
        var notice = (await chat.Outbox.ListBySubjectAsync("session:sem-cooking-workshop/sem-cooking-2027-01-15", CancellationToken.None)).Single(m => m.Kind == "notice");

        var rendered = (await texts.RenderAsync(notice, CancellationToken.None)).ShouldNotBeNull();

        rendered.Text.ShouldBe(text);
        rendered.Choices.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_waiting_list_notice_gives_the_place_when_it_is_sent_and_none_once_the_person_got_a_place()
    {
        var (content, activity, session) = await CookingAsync();
        var people = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            var person = await chat.Contacts.GetOrCreateAsync("sem", "sms", $"+324705550{i:D2}", null, CancellationToken.None);
            await chat.Signups.SignUpAsync("sem", activity.Id, session.Id, person.Id, 10, CancellationToken.None);
            await Sessions().NoticeAsync(content, activity, session, person.Id, i == 11 ? "ar" : "fr", i < 10 ? "confirmed" : "waiting", CancellationToken.None);
            people.Add(person.Id);
            chat.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await chat.Signups.CancelAsync("sem", session.Id, people[0], 10, CancellationToken.None);
        var notices = await chat.Outbox.ListBySubjectAsync("session:sem-cooking-workshop/sem-cooking-2027-01-15", CancellationToken.None);

        (await texts.RenderAsync(notices.Single(m => m.ContactId == people[10]), CancellationToken.None)).ShouldBeNull();
        (await texts.RenderAsync(notices.Single(m => m.ContactId == people[11]), CancellationToken.None))!.Text.ShouldBe("ورشة طبخ من العالم، الجمعة 15 يناير: مكتمل. أنت رقم 1 في قائمة الانتظار؛ سنخبرك إذا توفر مكان.");
        (await texts.RenderAsync(notices.Single(m => m.ContactId == people[0]), CancellationToken.None)).ShouldBeNull();
    }

    private SessionReminders Sessions() => new(chat.Outbox, chat.Signups, TestOptions.Monitor(new ReminderOptions()), chat.Clock);

    private async Task<(OrganisationContent Content, Activity Activity, Session Session)> CookingAsync()
    {
        var content = (await new ContentStore(chat.Database, chat.Clock).GetPublishedAsync("sem", CancellationToken.None))!.Content;
        var activity = content.Activities.Single(a => a.Id == "sem-cooking-workshop");
        return (content, activity, activity.Sessions.Single(s => s.Id == "sem-cooking-2027-01-15"));
    }
}
