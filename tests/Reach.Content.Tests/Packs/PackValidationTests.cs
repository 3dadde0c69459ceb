using Reach.Content.Packs;
using Reach.Testing;

namespace Reach.Content.Tests.Packs;

/// <summary>Each mistake a coordinator can make is reported once, at its file and line, in plain words.</summary>
public sealed class PackValidationTests : IDisposable
{
    private const string Organisation = """
        organisation: {id: sem, name: {fr: "SEM", ar: "سيم"}, timezone: Europe/Brussels, source_language: fr, languages: [fr, ar]}
        """;

    private readonly TempDirectory pack = new();

    public void Dispose() => pack.Dispose();

    private List<string> Validate(string services)
    {
        pack.Write("organisation.yaml", Organisation);
        pack.Write("services.yaml", services);
        return PackReader.ReadDirectory(pack.Path).Diagnostics.Select(d => d.ToString()).ToList();
    }

    [Fact]
    public void The_issue_example_is_valid_as_written()
    {
        pack.Write("pack.yaml", """
            organisation: {id: sem, name: {fr: "Service Entraide Migrants"}, timezone: Europe/Brussels, source_language: fr, languages: [fr, ar, uk, es, en]}
            services:
              - id: social-desk
                title: {fr: "Permanence sociale", ar: "المكتب الاجتماعي"}
                access: both
                hours:
                  - {days: [tue, thu], from: "09:00", to: "12:00"}
                  - {days: [fri], weeks: [2, 4], from: "13:00", to: "16:00"}
                closures:
                  - {from: 2026-12-24, to: 2027-01-03, reason: {fr: "Congés d'hiver"}}
            faq:
              - id: article27-what
                questions: {fr: ["C'est quoi Article 27 ?"], ar: ["ما هو أرتيكل 27؟"], uk: ["Що таке Article 27?"], es: ["¿Qué es Artículo 27?"]}
                answer: {fr: "Des places à 1,25 €.", ar: "تذاكر بسعر 1.25 يورو.", uk: "Квитки за 1,25 €.", es: "Entradas a 1,25 €."}
            """);

        var result = PackReader.ReadDirectory(pack.Path);

        result.HasErrors.ShouldBeFalse();
        var content = result.Pack!.Organisations.ShouldHaveSingleItem();
        content.Services.ShouldHaveSingleItem().Hours.Count.ShouldBe(2);
        content.Faq.ShouldHaveSingleItem().Questions.Get("es").ShouldBe(["¿Qué es Artículo 27?"]);
        result.Warnings.Select(w => w.ToString()).ShouldBe(
        [
            "pack.yaml:1: organisation.name: warning: missing translation in ar, uk, es, en (offered by sem)",
            "pack.yaml:4: services[social-desk].title: warning: missing translation in uk, es, en (offered by sem)",
            "pack.yaml:10: services[social-desk].closures[0].reason: warning: missing translation in ar, uk, es, en (offered by sem)",
            "pack.yaml:13: faq[article27-what].questions: warning: missing translation in en (offered by sem)",
            "pack.yaml:14: faq[article27-what].answer: warning: missing translation in en (offered by sem)",
        ]);
    }

    [Fact]
    public void Unknown_key_is_an_error_with_a_suggestion()
    {
        Validate("""
            services:
              - id: desk
                title: {fr: "Permanence", ar: "مكتب"}
                acces: walk-in
                access: walk-in
            """).ShouldBe(["services.yaml:4: services[desk].acces: unknown key 'acces' (did you mean 'access'?)"]);
    }

    [Fact]
    public void Duplicate_id_is_an_error_pointing_to_the_first_use()
    {
        Validate("""
            services:
              - id: desk
                title: {fr: "Permanence", ar: "مكتب"}
                access: walk-in
              - id: desk
                title: {fr: "Autre", ar: "آخر"}
                access: walk-in
            """).ShouldBe(["services.yaml:5: services[desk].id: duplicate id 'desk': already used at services.yaml:2"]);
    }

    [Fact]
    public void Dangling_reference_is_an_error()
    {
        Validate("""
            services:
              - id: desk
                title: {fr: "Permanence", ar: "مكتب"}
                access: walk-in
                site: head-office
            """).ShouldBe(["services.yaml:5: services[desk].site: unknown site 'head-office'"]);
    }

    [Fact]
    public void To_before_from_is_an_error_for_times_and_dates()
    {
        Validate("""
            services:
              - id: desk
                title: {fr: "Permanence", ar: "مكتب"}
                access: walk-in
                hours:
                  - {days: [mon], from: "12:00", to: "09:00"}
                closures:
                  - {from: 2027-01-03, to: 2026-12-24, reason: {fr: "Congés", ar: "عطلة"}}
            """).ShouldBe(
            [
                "services.yaml:6: services[desk].hours[0].to: 'to' (09:00) is before 'from' (12:00)",
                "services.yaml:8: services[desk].closures[0].to: 'to' (2026-12-24) is before 'from' (2027-01-03)",
            ]);
    }

    [Fact]
    public void Bad_time_zone_is_an_error()
    {
        pack.Write("organisation.yaml", """
            organisation:
              id: sem
              name: {fr: "SEM", ar: "سيم"}
              timezone: Europe/Bruxelles
              source_language: fr
              languages: [fr, ar]
            """);

        PackReader.ReadDirectory(pack.Path).Diagnostics.Select(d => d.ToString()).ShouldBe(
            ["organisation.yaml:4: organisation.timezone: 'Europe/Bruxelles' is not a known time zone; use an IANA name such as Europe/Brussels"]);
    }

    [Fact]
    public void Missing_translation_is_a_warning_and_the_pack_is_still_valid()
    {
        pack.Write("organisation.yaml", Organisation);
        pack.Write("services.yaml", """
            services:
              - id: desk
                title: {fr: "Permanence"}
                access: walk-in
            """);

        var result = PackReader.ReadDirectory(pack.Path);

        result.HasErrors.ShouldBeFalse();
        result.Pack.ShouldNotBeNull().Organisations.ShouldHaveSingleItem().Services.ShouldHaveSingleItem().Id.ShouldBe("desk");
        result.Diagnostics.Select(d => d.ToString()).ShouldBe(
            ["services.yaml:3: services[desk].title: warning: missing translation in ar (offered by sem)"]);
    }

    [Fact]
    public void Malformed_values_are_errors_naming_the_expected_form()
    {
        Validate("""
            services:
              - id: desk
                title: {fr: "Permanence", ar: "مكتب"}
                access: sometimes
                hours:
                  - {days: [tuesday], from: "9h", to: "12:00", weeks: [6]}
                valid_from: 24/12/2026
            """).ShouldBe(
            [
                "services.yaml:4: services[desk].access: 'sometimes' is not one of: walk-in, appointment, both, on-request",
                "services.yaml:6: services[desk].hours[0].days: 'tuesday' is not one of: mon, tue, wed, thu, fri, sat, sun",
                "services.yaml:6: services[desk].hours[0].from: '9h' is not a time written HH:MM, e.g. \"09:30\"",
                "services.yaml:6: services[desk].hours[0].weeks[0]: '6' is not a week of the month: 1 to 5, or -1 for the last",
                "services.yaml:7: services[desk].valid_from: '24/12/2026' is not a date written YYYY-MM-DD, e.g. 2026-12-24",
            ]);
    }

    [Fact]
    public void Missing_required_fields_and_broken_yaml_are_errors()
    {
        pack.Write("organisation.yaml", Organisation);
        pack.Write("faq.yaml", """
            faq:
              - id: no-answer
                questions: {fr: ["Quoi ?"], ar: ["ماذا؟"]}
            """);
        pack.Write("sites.yaml", "sites:\n  - id: office\n    name: {fr: \"Bureau\"\n");

        PackReader.ReadDirectory(pack.Path).Errors.Select(d => d.ToString()).ShouldBe(
        [
            "faq.yaml:2: faq[no-answer].answer: 'answer' is required",
            "sites.yaml:4: yaml: this is not valid YAML: While parsing a flow mapping, did not find expected ',' or '}'.",
        ]);
    }

    [Fact]
    public void Content_outside_an_organisation_folder_and_a_missing_organisation_are_errors()
    {
        pack.Write("sem/organisation.yaml", Organisation);
        pack.Write("stray.yaml", """
            services:
              - id: desk
                title: {fr: "Permanence", ar: "مكتب"}
                access: walk-in
            """);

        PackReader.ReadDirectory(pack.Path).Errors.Select(d => d.ToString()).ShouldBe(
            ["stray.yaml:1: services: is outside an organisation folder: put it in a folder whose files include an 'organisation'"]);
    }

    [Fact]
    public void A_folder_without_yaml_files_is_an_error_not_a_crash()
    {
        var result = PackReader.ReadDirectory(pack.Path);

        result.Pack.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("no .yaml or .yml file in this folder");
    }
}
