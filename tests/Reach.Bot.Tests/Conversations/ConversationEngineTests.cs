using Reach.Bot.Conversations;

namespace Reach.Bot.Tests.Conversations;

public class ConversationEngineTests
{
    [Fact]
    public async Task First_contact_in_Arabic_greets_confirms_the_language_shows_the_privacy_notice_and_the_menu()
    {
        await using var chat = await ConversationFixture.StartAsync();

        var replies = await chat.SendAsync("+32470000001", "السلام عليكم", channel: "sms");

        replies.Select(r => r.Language).Distinct().ShouldBe(["ar"]);
        replies.ShouldAllBe(r => r.RightToLeft);
        replies[0].Text.ShouldBe("مرحبًا! أنا المساعد الآلي لـ خدمة التآزر بين المهاجرين (SEM). أجيب عن الأسئلة العملية: أوقات العمل، الورشات، الخرجات، الوثائق المطلوبة. يمكنك دائمًا التحدث مع شخص.");
        replies[1].Text.ShouldBe("هل العربية مناسبة لك؟ اختر لغتك:");
        replies[1].Choices.Select(c => c.Label).ShouldBe(["Français", "العربية", "Українська", "Español", "English"]);
        replies[2].Text.ShouldStartWith("الخصوصية: نحتفظ بـرقم هاتفك");
        replies[3].Choices.Select(c => c.Id).ShouldBe(["menu:hours", "menu:workshops", "menu:outings", "menu:mine", "menu:ask", "menu:person", "menu:language"]);
    }

    [Fact]
    public async Task A_question_on_first_contact_is_answered_after_the_welcome()
    {
        await using var chat = await ConversationFixture.StartAsync();

        var replies = await chat.SendAsync("tg-1", "c koi article 27");

        replies.Count.ShouldBe(5);
        replies[^1].Text.ShouldStartWith("Article 27 permet d'aller au théâtre");
    }

    [Fact]
    public async Task Choosing_a_language_in_the_menu_keeps_it_for_the_next_answers()
    {
        await using var chat = await ConversationFixture.StartAsync();
        await chat.SendAsync("web-1", "hello");

        var chosen = await chat.SendAsync("web-1", choice: "lang:uk");
        var answer = await chat.SendAsync("web-1", "article 27");

        chosen.Count.ShouldBe(2);
        chosen[0].Text.ShouldStartWith("Конфіденційність: ми зберігаємо ваш ідентифікатор чату"); // the notice again, in the chosen language
        chosen[1].Text.ShouldBe("Відтепер я відповідатиму українською.\nЩо ви хочете дізнатися?");
        answer.ShouldHaveSingleItem().Language.ShouldBe("uk");
        answer[0].Text.ShouldStartWith("Article 27 дає змогу піти в театр");
    }

    [Fact]
    public async Task Stop_silences_everything_but_the_confirmation_and_start_resumes()
    {
        await using var chat = await ConversationFixture.StartAsync();
        await chat.SendAsync("+32470000002", "bonjour", channel: "sms");

        var stop = await chat.SendAsync("+32470000002", "ARRÊT", channel: "sms");
        var silence = await chat.SendAsync("+32470000002", "c koi article 27", channel: "sms");
        var start = await chat.SendAsync("+32470000002", "START", channel: "sms");

        stop.ShouldHaveSingleItem().Text.ShouldBe("Vous ne recevrez plus de messages de Service Entraide Migrants. Envoyez START pour les recevoir à nouveau.");
        silence.ShouldBeEmpty();
        start.ShouldHaveSingleItem().Text.ShouldBe("Bon retour : vous recevrez à nouveau les messages de Service Entraide Migrants.");
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("СТОП")]
    [InlineData("توقف")]
    [InlineData("BAJA")]
    [InlineData("Arrêt")]
    [InlineData("UNSUBSCRIBE")]
    public void Opt_out_words_are_recognised_in_every_language(string word) => Keywords.Is(Keywords.OptOut, word).ShouldBeTrue();

    [Theory]
    [InlineData("CANCEL", true)]
    [InlineData("STOP", true)]
    [InlineData("OUI", false)]
    [InlineData("1", false)]
    [InlineData("ANNULER", false)]
    public void Reply_codes_are_checked_against_opt_out_words(string code, bool collides) => Keywords.Collides(code).ShouldBe(collides);

    [Fact]
    public async Task Talk_to_a_person_opens_a_handoff_and_the_messages_that_follow_reach_the_inbox()
    {
        await using var chat = await ConversationFixture.StartAsync();
        await chat.SendAsync("tg-2", "hello");

        var handoff = await chat.SendAsync("tg-2", choice: "menu:person");
        await chat.SendAsync("tg-2", "I need help with a letter");

        handoff.ShouldHaveSingleItem().Text.ShouldBe("A person from Migrant Mutual Aid Service (SEM) will answer you here.\nThe team reads messages during opening hours. Next: Thursday 3 December, 09:00–12:00.\nTo talk to a person: 081 00 00 00, info@sem-gembloux.example.");
        var contact = await chat.Contacts.GetOrCreateAsync("sem", "web", "tg-2", null, CancellationToken.None);
        (await chat.Contacts.HasOpenHandoffAsync(contact.Id, CancellationToken.None)).ShouldBeTrue();
        (await chat.Contacts.MessagesAsync(contact.Id, CancellationToken.None)).Select(m => (m.Direction, m.Text)).ShouldBe([("in", "I need help with a letter")]);
    }

    [Theory]
    [InlineData("bonjour", "parler à quelqu'un", "Une personne de Service Entraide Migrants va vous répondre ici.")]
    [InlineData("hola", "Hablar con una persona", "Una persona de Servicio de Ayuda Mutua entre Migrantes (SEM) le responderá aquí.")]
    [InlineData("привіт", "поговорити з людиною", "Людина з")]
    [InlineData("مرحبا", "التحدث مع شخص", "سيجيبك شخص من")]
    public async Task Asking_for_a_person_in_words_opens_a_handoff_like_the_menu(string hello, string ask, string start)
    {
        await using var chat = await ConversationFixture.StartAsync();
        await chat.SendAsync("sms-person", hello, channel: "sms");

        var replies = await chat.SendAsync("sms-person", ask, channel: "sms");

        replies.ShouldHaveSingleItem().Text.ShouldStartWith(start);
        var contact = await chat.Contacts.GetOrCreateAsync("sem", "sms", "sms-person", null, CancellationToken.None);
        (await chat.Contacts.HasOpenHandoffAsync(contact.Id, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_safety_message_answers_with_emergency_numbers_and_opens_a_handoff()
    {
        await using var chat = await ConversationFixture.StartAsync();
        await chat.SendAsync("web-3", "bonjour");

        var replies = await chat.SendAsync("web-3", "mon mari me frappe");

        replies.ShouldHaveSingleItem().Text.ShouldContain("112");
        var contact = await chat.Contacts.GetOrCreateAsync("sem", "web", "web-3", null, CancellationToken.None);
        (await chat.Contacts.HasOpenHandoffAsync(contact.Id, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_safety_message_as_the_first_message_gives_the_emergency_numbers_before_the_welcome()
    {
        await using var chat = await ConversationFixture.StartAsync();

        var replies = await chat.SendAsync("+32470000009", "زوجي يضربني", channel: "sms");

        replies[0].Text.ShouldContain("112");
        replies[1].Text.ShouldStartWith("مرحبًا!");
        replies.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Stop_as_the_very_first_message_is_confirmed_in_its_own_language()
    {
        await using var chat = await ConversationFixture.StartAsync();

        var replies = await chat.SendAsync("+380670000001", "СТОП", channel: "sms");

        replies.ShouldHaveSingleItem().Language.ShouldBe("uk");
    }

    [Fact]
    public async Task The_last_place_goes_to_one_person_the_next_waits_and_is_told_when_a_place_frees_up()
    {
        await using var chat = await ConversationFixture.StartAsync();
        var signups = new Reach.Notifications.Signups.SignupStore(chat.Database, chat.Clock);
        for (var i = 0; i < 11; i++)
        {
            var other = await chat.Contacts.GetOrCreateAsync("sem", "sms", $"+3249900000{i:D2}", null, CancellationToken.None);
            await signups.SignUpAsync("sem", "sem-article27-theatre", "sem-article27-2027-02-05", other.Id, 12, CancellationToken.None);
        }

        await chat.SendAsync("tg-amina", "bonjour", channel: "telegram");
        await chat.SendAsync("tg-olena", "привіт", channel: "telegram");
        var last = await chat.SendAsync("tg-amina", choice: "signup:sem-article27-2027-02-05", channel: "telegram");
        var waiting = await chat.SendAsync("tg-olena", choice: "signup:sem-article27-2027-02-05", channel: "telegram");
        var mine = await chat.SendAsync("tg-olena", choice: "menu:mine", channel: "telegram");
        var cancelled = await chat.SendAsync("tg-amina", choice: "unsign:sem-article27-2027-02-05", channel: "telegram");

        last.ShouldHaveSingleItem().Text.ShouldStartWith("Vous êtes inscrit·e : Sortie théâtre avec Article 27, vendredi 5 février, 20:00–22:00.");
        last[0].Choices.Select(c => c.Id).ShouldBe(["unsign:sem-article27-2027-02-05"]);
        waiting.ShouldHaveSingleItem().Text.ShouldStartWith("Похід до театру з Article 27, у пʼятницю, 5 лютого: місць немає. Ви номер 1 у списку очікування");
        mine.ShouldHaveSingleItem().Text.ShouldEndWith("(список очікування)");
        cancelled.Count.ShouldBe(2);
        cancelled[0].Text.ShouldBe("Votre inscription est annulée : Sortie théâtre avec Article 27, vendredi 5 février.");
        cancelled[1].Address.ShouldBe("tg-olena");
        cancelled[1].Language.ShouldBe("uk");
        cancelled[1].Text.ShouldStartWith("Гарна новина: звільнилося місце. Вас записано: Похід до театру з Article 27");
        (await signups.PlacesLeftAsync("sem", "sem-article27-2027-02-05", 12, CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task A_person_who_cancels_and_signs_up_again_is_reminded_again()
    {
        await using var chat = await ConversationFixture.StartAsync();
        await chat.SendAsync("tg-amina", "bonjour", channel: "telegram");
        await chat.SendAsync("tg-amina", choice: "signup:sem-cooking-2027-01-15", channel: "telegram");
        await chat.SendAsync("tg-amina", choice: "unsign:sem-cooking-2027-01-15", channel: "telegram");

        var again = await chat.SendAsync("tg-amina", choice: "signup:sem-cooking-2027-01-15", channel: "telegram");

        again.ShouldHaveSingleItem().Text.ShouldStartWith("Vous êtes inscrit·e : Atelier cuisine du monde");
        (await chat.Outbox.ListBySubjectAsync("session:sem-cooking-workshop/sem-cooking-2027-01-15", CancellationToken.None))
            .Select(m => (m.Step, m.State)).ShouldBe([("1d@18:00", "cancelled"), ("1d@18:00", "planned")]);
    }

    [Fact]
    public async Task Forgetting_a_person_releases_their_place_to_the_first_on_the_waiting_list()
    {
        await using var chat = await ConversationFixture.StartAsync();
        var signups = new Reach.Notifications.Signups.SignupStore(chat.Database, chat.Clock);
        for (var i = 0; i < 11; i++)
        {
            var other = await chat.Contacts.GetOrCreateAsync("sem", "sms", $"+3249900000{i:D2}", null, CancellationToken.None);
            await signups.SignUpAsync("sem", "sem-article27-theatre", "sem-article27-2027-02-05", other.Id, 12, CancellationToken.None);
        }

        await chat.SendAsync("tg-karim", "مرحبا", channel: "telegram");
        await chat.SendAsync("tg-lucia", "hola", channel: "telegram");
        await chat.SendAsync("tg-karim", choice: "signup:sem-article27-2027-02-05", channel: "telegram");
        await chat.SendAsync("tg-lucia", choice: "signup:sem-article27-2027-02-05", channel: "telegram");
        var karim = await chat.Contacts.GetOrCreateAsync("sem", "telegram", "tg-karim", null, CancellationToken.None);

        await chat.SendAsync("tg-karim", "انسني", channel: "telegram");
        var forgotten = await chat.SendAsync("tg-karim", choice: "forget:yes", channel: "telegram");

        forgotten.Count.ShouldBe(2);
        forgotten[0].Address.ShouldBe("tg-lucia");
        forgotten[0].Language.ShouldBe("es");
        forgotten[0].Text.ShouldBe("Buenas noticias: se liberó una plaza. Está inscrito/a: Salida al teatro con Artículo 27, viernes 5 de febrero, 20:00–22:00.");
        forgotten[1].Address.ShouldBe("tg-karim");
        (await signups.ForContactAsync(karim.Id, CancellationToken.None)).ShouldBeEmpty();
        (await chat.Contacts.FindAsync(karim.Id, CancellationToken.None)).ShouldBeNull();
        (await signups.PlacesLeftAsync("sem", "sem-article27-2027-02-05", 12, CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task Two_messages_not_understood_in_a_row_offer_a_person()
    {
        await using var chat = await ConversationFixture.StartAsync();
        await chat.SendAsync("web-4", "hello");

        await chat.SendAsync("web-4", "what is the capital of peru");
        var second = await chat.SendAsync("web-4", "who won the football match");

        second[^1].Text.ShouldBe("I still do not understand. Would you like to talk to a person?");
        second[^1].Choices.Select(c => c.Id).ShouldBe(["menu:person", "menu:ask"]);
    }

    [Fact]
    public async Task Forget_me_erases_the_contact_after_confirmation()
    {
        await using var chat = await ConversationFixture.StartAsync();
        await chat.SendAsync("+32470000005", "hola", channel: "sms");
        await chat.SendAsync("+32470000005", choice: "menu:person", channel: "sms");

        var ask = await chat.SendAsync("+32470000005", "olvídame", channel: "sms");
        var done = await chat.SendAsync("+32470000005", choice: "forget:yes", channel: "sms");

        ask.ShouldHaveSingleItem().Text.ShouldBe("¿Borrar todo lo que sabemos de usted (nombre, idioma, mensajes)? No se puede deshacer.");
        done.ShouldHaveSingleItem().Text.ShouldBe("Todo ha sido borrado. Puede volver a escribir cuando quiera.");
        var again = await chat.Contacts.GetOrCreateAsync("sem", "sms", "+32470000005", null, CancellationToken.None);
        again.Stage.ShouldBe("new");
        again.Language.ShouldBeNull();
        (await chat.Contacts.HasOpenHandoffAsync(again.Id, CancellationToken.None)).ShouldBeFalse();
    }
}
