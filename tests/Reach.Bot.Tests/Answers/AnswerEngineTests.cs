using NodaTime;
using Reach.Bot.Answers;
using Reach.Bot.Localization;
using Reach.Bot.Matching;
using Reach.Content.Packs;
using Reach.Testing;

namespace Reach.Bot.Tests.Answers;

/// <summary>Exact replies from the demo content at fixed instants, in English and another language.</summary>
public class AnswerEngineTests
{
    private static readonly AnswerEngine Sem = new(
        PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack!.Organisations.Single(o => o.Organisation.Id == "sem"),
        Locales.Default,
        new AnswerOptions());

    private const string EnglishHandoff = "To talk to a person: 081 00 00 00, info@sem-gembloux.example.";

    private static Instant Local(int year, int month, int day, int hour, int minute) =>
        DateTimeZoneProviders.Tzdb["Europe/Brussels"].AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    [Fact]
    public void A_closure_is_given_with_its_reason_and_the_next_opening()
    {
        var answer = Sem.Answer("is the social desk open tomorrow?", null, Local(2026, 12, 23, 10, 0));

        answer.Match.ShouldBe(new MatchTarget(MatchKind.Service, "sem-social-desk"));
        answer.Language.ShouldBe("en");
        answer.Text.ShouldBe("Social support desk: closed on Thursday 24 December (Winter break). Next opening: Tuesday 5 January, 09:00–12:00.\n" + EnglishHandoff);
    }

    [Fact]
    public void The_same_question_in_Ukrainian_gets_the_same_facts_in_Ukrainian()
    {
        var answer = Sem.Answer("чи працює соціальна служба завтра?", null, Local(2026, 12, 23, 10, 0));

        answer.Language.ShouldBe("uk");
        answer.Text.ShouldBe("Прийом соціальної працівниці: не працює у четвер, 24 грудня (Зимова перерва). Наступний прийом: у вівторок, 5 січня, 09:00–12:00.\nЩоб поговорити з людиною: 081 00 00 00, info@sem-gembloux.example.");
    }

    [Fact]
    public void Open_now_is_computed_in_local_time_after_the_clocks_go_forward()
    {
        // Tuesday 30 March 2027, two days after the change to summer time (UTC+2).
        var open = Sem.Answer("social desk open now?", null, Instant.FromUtc(2027, 3, 30, 7, 30));
        var early = Sem.Answer("social desk open now?", null, Instant.FromUtc(2027, 3, 30, 6, 30));

        open.Text.ShouldBe("Social support desk: open now, until 12:00.\n" + EnglishHandoff);
        early.Text.ShouldBe("Social support desk: open on Tuesday 30 March, 09:00–12:00.\n" + EnglishHandoff);
    }

    [Fact]
    public void Where_and_what_to_bring_come_from_the_site_and_the_bring_list()
    {
        var content = PackReader.ReadDocument("""
            organisation: {id: test, name: {fr: "Test", en: "Test"}, timezone: Europe/Brussels, source_language: fr, languages: [fr, en], contact: {phone: "02 000 00 00"}}
            sites:
              - {id: office, name: {fr: "Bureau", en: "Office"}, address: "Rue Haute 1, 1000 Bruxelles", directions: {fr: "Tram 92.", en: "Tram 92."}}
            services:
              - id: desk
                title: {fr: "Permanence logement", en: "Housing desk"}
                access: walk-in
                site: office
                hours: [{days: [thu], from: "09:00", to: "12:00"}]
                bring: [{fr: "Votre bail", en: "Your lease"}, {fr: "Votre carte d'identité", en: "Your identity card"}]
            """, "test.yaml").Pack!.Organisations[0];
        var engine = new AnswerEngine(content, Locales.Default, new AnswerOptions());
        var now = Local(2026, 12, 3, 10, 0);

        engine.Answer("what should I bring to the housing desk", null, now).Text.ShouldBe(
            "For Housing desk, bring:\n- Your lease\n- Your identity card\nTo talk to a person: 02 000 00 00.");
        engine.Answer("où est la permanence logement ?", null, now).Text.ShouldBe(
            "Permanence logement : Bureau, Rue Haute 1, 1000 Bruxelles. Tram 92.\nPour parler à une personne : 02 000 00 00.");
        engine.Answer("housing desk: appointment needed?", null, now).Text.ShouldBe(
            "Housing desk: no appointment needed, just come during opening hours. Housing desk, next times:\n- Thursday 3 December, 09:00–12:00\n- Thursday 10 December, 09:00–12:00\n- Thursday 17 December, 09:00–12:00\nTo talk to a person: 02 000 00 00.");
    }

    [Fact]
    public void A_faq_question_gets_the_curated_answer_in_the_person_language()
    {
        var answer = Sem.Answer("c koi article 27", null, Local(2026, 12, 3, 10, 0));

        answer.Match.ShouldBe(new MatchTarget(MatchKind.Faq, "sem-faq-article27-what"));
        answer.Text.ShouldBe("Article 27 permet d'aller au théâtre, au cinéma, au concert ou au musée pour 1,25 €. Vous payez ces 1,25 € sur place, le jour du spectacle. C'est pour les personnes qui ont peu de revenus. Les tickets se reçoivent seulement par une association, comme le SEM.\nPour parler à une personne : 081 00 00 00, info@sem-gembloux.example.");
    }

    [Fact]
    public void Out_of_scope_abstains_and_offers_a_person()
    {
        var answer = Sem.Answer("what is the capital of peru", null, Local(2026, 12, 3, 10, 0));

        answer.Abstained.ShouldBeTrue();
        answer.Handoff.ShouldBeTrue();
        answer.Text.ShouldBe("Sorry, I did not understand. You can choose from the menu or talk to a person.\n" + EnglishHandoff);
    }

    [Fact]
    public void A_safety_message_gets_the_emergency_contacts_and_a_person_before_anything_else()
    {
        var answer = Sem.Answer("il me frappe", "fr", Local(2026, 12, 3, 10, 0));

        answer.Match.ShouldBe(new MatchTarget(MatchKind.Safety, "sem-safety-violence"));
        answer.Handoff.ShouldBeTrue();
        answer.Text.ShouldContain("112");
        answer.Text.ShouldEndWith("Une personne de Service Entraide Migrants sera prévenue pour vous aider.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🙂🙂🙂")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("\uD800\uDC00\uDFFF abc \uD800")]
    [InlineData("متى Когда when quand cuándo")]
    public void Bad_input_gets_a_polite_answer_never_an_exception(string input)
    {
        var answer = Sem.Answer(input, null, Local(2026, 12, 3, 10, 0));

        answer.Text.ShouldNotBeNullOrWhiteSpace();
        answer.Text.ShouldContain("081 00 00 00");
    }

    [Fact]
    public void Ten_kilobytes_of_text_are_answered()
    {
        var answer = Sem.Answer(string.Concat(Enumerable.Repeat("article 27 ", 1000)), null, Local(2026, 12, 3, 10, 0));

        answer.Match.ShouldBe(new MatchTarget(MatchKind.Faq, "sem-faq-article27-what"));
    }

    [Fact]
    public void The_chosen_language_wins_over_detection()
    {
        var answer = Sem.Answer("article 27", "ar", Local(2026, 12, 3, 10, 0));

        answer.Language.ShouldBe("ar");
        answer.Text.ShouldStartWith("يتيح لك Article 27");
    }
}

/// <summary>Answers that list several items: desks open on a day, outings of the month.</summary>
public class ListingAnswerTests
{
    private static readonly Reach.Content.Model.ContentPack Demo = PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack!;

    private static AnswerEngine Engine(string organisation) =>
        new(Demo.Organisations.Single(o => o.Organisation.Id == organisation), Locales.Default, new AnswerOptions());

    private static Instant Local(int year, int month, int day, int hour) =>
        DateTimeZoneProviders.Tzdb["Europe/Brussels"].AtStrictly(new LocalDateTime(year, month, day, hour, 0)).ToInstant();

    [Fact]
    public void Are_you_open_today_lists_the_desks_open_that_day()
    {
        var answer = Engine("cssbse").Answer("vous etes ouverts aujourd'hui ?", null, Local(2026, 12, 3, 10));

        answer.Text.ShouldBe(
            "Ouvert le jeudi 3 décembre :\n- Permanence sociale du siège (Étangs) : 08:30–12:30\n- Permanence sociale Porte de Namur : 08:30–12:30\n"
            + "- ALLO ? AIDE SOCIALE (ligne gratuite) : 09:00–17:00\n- Permanence sociale La Chasse (Etterbeek) : 13:30–17:30\nPour parler à une personne : 02 000 00 00, info@cssbse.example.");
    }

    [Fact]
    public void On_a_closed_day_the_next_desk_to_open_is_given()
    {
        var answer = Engine("sem").Answer("r u open today?", null, Local(2026, 12, 24, 10));

        answer.Text.ShouldBe("No desk is open on Thursday 24 December. Next opening: Digital help and computers, Monday 4 January, 13:30–16:00.\nTo talk to a person: 081 00 00 00, info@sem-gembloux.example.");
    }

    [Fact]
    public void Outings_this_month_are_listed_from_the_dated_sessions()
    {
        var answer = Engine("cssbse").Answer("quelles sorties ce mois-ci ?", null, Local(2027, 3, 1, 10));

        answer.Text.ShouldBe("Prochainement :\n- Sortie culturelle du mois (Article 27) : samedi 20 mars, 14:00–16:30\nPour parler à une personne : 02 000 00 00, info@cssbse.example.");
    }
}

/// <summary>A named calendar day in the question ("le 11 novembre", "5 de enero").</summary>
public class DateQuestionTests
{
    private static readonly AnswerEngine Cssbse = new(
        PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack!.Organisations.Single(o => o.Organisation.Id == "cssbse"),
        Locales.Default,
        new AnswerOptions());

    private static Instant Local(int year, int month, int day) =>
        DateTimeZoneProviders.Tzdb["Europe/Brussels"].AtStrictly(new LocalDateTime(year, month, day, 10, 0)).ToInstant();

    [Fact]
    public void A_public_holiday_named_by_its_date_is_answered_with_the_holiday_and_the_next_opening()
    {
        Cssbse.Answer("boondael c ouvert le 11 novembre?", null, Local(2026, 11, 5)).Text.ShouldBe(
            "Permanence sociale de Boondael : fermé le mercredi 11 novembre (Armistice). Prochaine ouverture : vendredi 13 novembre, 08:30–12:30.\nPour parler à une personne : 02 000 00 00, info@cssbse.example.");
    }

    [Fact]
    public void A_date_in_January_asked_in_December_is_next_year()
    {
        Cssbse.Answer("Van Gele esta abierto el 5 de enero?", null, Local(2026, 12, 3)).Text.ShouldBe(
            "Atención social Van Gele (Etterbeek): cerrado el martes 5 de enero (Reunión del equipo: vaya a la oficina de La Chasse). Próxima apertura: martes 12 de enero, 08:30–12:30.\nPara hablar con una persona: 02 000 00 00, info@cssbse.example.");
    }

    [Theory]
    [InlineData("le 24 décembre", 12, 24)]
    [InlineData("5 de enero", 1, 5)]
    [InlineData("January 5", 1, 5)]
    [InlineData("24 грудня", 12, 24)]
    [InlineData("11 نوفمبر", 11, 11)]
    public void Dates_are_read_in_every_language(string text, int month, int day) =>
        QuestionCues.Read(text).Date.ShouldBe(new AnnualDate(month, day));

    [Fact]
    public void A_month_word_without_a_day_is_not_a_date() =>
        QuestionCues.Read("I may come in march").Date.ShouldBeNull();
}

/// <summary>Russian and Dutch replies for an organisation that offers them.</summary>
public class RussianAndDutchTests
{
    private static readonly AnswerEngine Engine = new(PackReader.ReadDocument("""
        organisation: {id: cai, name: {fr: "CAI", ru: "CAI", nl: "CAI"}, timezone: Europe/Brussels, source_language: fr, languages: [fr, ru, nl], contact: {phone: "081 00 00 00"}}
        services:
          - id: desk
            title: {fr: "Permanence d'Andenne", ru: "Приём в Анденне", nl: "Spreekuur in Andenne"}
            access: appointment
            hours: [{days: [fri], weeks: [2, 4], from: "13:00", to: "16:00"}]
        """, "cai.yaml").Pack!.Organisations[0], Locales.Default, new AnswerOptions());

    private static readonly Instant Friday = DateTimeZoneProviders.Tzdb["Europe/Brussels"].AtStrictly(new LocalDateTime(2026, 12, 11, 10, 0)).ToInstant();

    [Fact]
    public void A_Russian_question_gets_a_Russian_answer()
    {
        var answer = Engine.Answer("когда работает приём в Анденне?", null, Friday);

        answer.Language.ShouldBe("ru");
        answer.Text.ShouldBe("Приём в Анденне, ближайшие даты:\n- в пятницу, 11 декабря, 13:00–16:00\n- в пятницу, 25 декабря, 13:00–16:00\nЧтобы поговорить с человеком: 081 00 00 00.");
    }

    [Fact]
    public void A_Dutch_question_gets_a_Dutch_answer()
    {
        var answer = Engine.Answer("wanneer is het spreekuur in Andenne open?", null, Friday);

        answer.Language.ShouldBe("nl");
        answer.Text.ShouldStartWith("Spreekuur in Andenne, volgende data:\n- vrijdag 11 december, 13:00–16:00");
    }
}
