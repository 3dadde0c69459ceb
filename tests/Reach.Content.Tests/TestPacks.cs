using Reach.Content.Model;
using Reach.Content.Packs;

namespace Reach.Content.Tests;

/// <summary>Small packs written as coordinators write them, for tests.</summary>
internal static class TestPacks
{
    public const string Organisation = """
        organisation:
          id: sem
          name: {fr: "Service Entraide Migrants", en: "Migrant Mutual Aid"}
          timezone: Europe/Brussels
          source_language: fr
          languages: [fr, en]
          holiday_calendar: test-calendar
        holidays:
          - id: test-calendar
            name: {fr: "Calendrier", en: "Calendar"}
            periods:
              - {kind: school, from: 2026-12-21, to: 2027-01-03, name: {fr: "Vacances d'hiver", en: "Winter holidays"}}
              - {kind: school, from: 2027-02-22, to: 2027-03-07, name: {fr: "Congé de détente", en: "Carnival half-term"}}
              - {kind: public, from: 2026-12-25, name: {fr: "Noël", en: "Christmas Day"}}
              - {kind: public, from: 2027-01-01, name: {fr: "Nouvel An", en: "New Year's Day"}}
        """;

    /// <summary>Reads the test organisation plus <paramref name="body"/>; fails the test on any error.</summary>
    public static OrganisationContent Read(string body)
    {
        var result = PackReader.ReadDocument(Organisation + "\n" + body, "test.yaml");
        result.Errors.ShouldBeEmpty();
        return result.Pack!.Organisations.ShouldHaveSingleItem();
    }
}
