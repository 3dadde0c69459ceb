using Reach.Content.Model;
using Reach.Content.Packs;
using Reach.Testing;

namespace Reach.Content.Tests.Packs;

/// <summary>The demo pack is the newcomer's first view of Reach: complete, valid and in every language.</summary>
public class DemoPackTests
{
    private static readonly PackReadResult Result = PackReader.ReadDirectory(RepositoryPaths.DemoPack, new NodaTime.LocalDate(2026, 11, 21));
    private static readonly IReadOnlyList<OrganisationContent> Organisations = Result.Pack?.Organisations ?? [];
    private static readonly string[] Languages = ["fr", "ar", "uk", "es", "en"];

    [Fact]
    public void Is_valid_without_warnings()
    {
        Result.Diagnostics.Select(d => d.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void Models_two_associations_marked_as_demo_data_in_five_languages()
    {
        Organisations.Select(o => o.Organisation.Id).ShouldBe(["cssbse", "sem"]);
        Organisations.ShouldAllBe(o => o.Organisation.Demo && o.Organisation.TimeZone == "Europe/Brussels" && o.Organisation.HolidayCalendar == "fwb-2026-2027");
        Organisations.ShouldAllBe(o => o.Organisation.Languages.SequenceEqual(Languages));
    }

    [Fact]
    public void Has_the_size_the_field_brief_asks_for()
    {
        Organisations.Sum(o => o.Services.Count + o.Activities.Count).ShouldBeGreaterThanOrEqualTo(12);
        Organisations.Sum(o => o.Faq.Count).ShouldBeGreaterThanOrEqualTo(40);
        Organisations.Sum(o => o.Referrals.Count).ShouldBeGreaterThanOrEqualTo(10);
        foreach (var org in Organisations)
        {
            org.Safety.Select(s => s.Topic).Order().ShouldBe(
                [SafetyTopicKind.Violence, SafetyTopicKind.SelfHarm, SafetyTopicKind.LegalDeadline, SafetyTopicKind.MedicalEmergency]);
            org.Activities.ShouldContain(a => a.Article27 && a.Kind == ActivityKind.Outing && a.Sessions.Count > 0);
        }
    }

    [Fact]
    public void Every_question_answer_title_and_trigger_is_in_every_offered_language()
    {
        var missing = Organisations.SelectMany(o =>
                o.Faq.SelectMany(f => Languages.Where(l => !f.Answer.Has(l) || !f.Questions.Has(l)).Select(l => $"{f.Id}:{l}"))
                .Concat(o.Services.SelectMany(s => Languages.Where(l => !s.Title.Has(l)).Select(l => $"{s.Id}:{l}")))
                .Concat(o.Activities.SelectMany(a => Languages.Where(l => !a.Title.Has(l)).Select(l => $"{a.Id}:{l}")))
                .Concat(o.Safety.SelectMany(s => Languages.Where(l => !s.Triggers.Has(l) || !s.Answer.Has(l)).Select(l => $"{s.Id}:{l}"))))
            .ToList();

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Texts_are_real_translations_not_copies_of_the_source()
    {
        var copies = Organisations.SelectMany(o => o.Faq)
            .SelectMany(f => Languages.Skip(1).Where(l => l != "en" && f.Answer.Find(l) == f.Answer.Find("fr")).Select(l => $"{f.Id}:{l}"))
            .ToList();

        copies.ShouldBeEmpty();
        Organisations.SelectMany(o => o.Faq).ShouldAllBe(f => f.Answer.Get("ar", "fr").Any(c => c >= '\u0600' && c <= '\u06FF'));
        Organisations.SelectMany(o => o.Faq).ShouldAllBe(f => f.Answer.Get("uk", "fr").Any(c => c >= '\u0400' && c <= '\u04FF'));
    }
}
