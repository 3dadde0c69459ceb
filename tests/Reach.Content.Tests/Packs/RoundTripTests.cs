using Reach.Content.Packs;
using Reach.Testing;

namespace Reach.Content.Tests.Packs;

public sealed class RoundTripTests : IDisposable
{
    private readonly TempDirectory exported = new();

    public void Dispose() => exported.Dispose();

    [Fact]
    public void Demo_pack_written_and_read_back_is_the_same_content()
    {
        var original = PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack.ShouldNotBeNull();

        PackWriter.WriteDirectory(original.Organisations, exported.Path);
        var reread = PackReader.ReadDirectory(exported.Path);

        reread.Diagnostics.ShouldBeEmpty();
        reread.Pack!.Organisations.Select(PackWriter.WriteDocument)
            .ShouldBe(original.Organisations.Select(PackWriter.WriteDocument));
    }

    [Fact]
    public void Export_writes_one_folder_per_organisation_and_shared_calendars_once()
    {
        var original = PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack!;

        PackWriter.WriteDirectory(original.Organisations, exported.Path);

        Directory.EnumerateFiles(exported.Path, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(exported.Path, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ShouldBe(
            [
                "cssbse/activities.yaml", "cssbse/faq.yaml", "cssbse/organisation.yaml", "cssbse/referrals.yaml",
                "cssbse/safety.yaml", "cssbse/services.yaml", "cssbse/sites.yaml", "holidays.yaml",
                "sem/activities.yaml", "sem/faq.yaml", "sem/organisation.yaml", "sem/referrals.yaml",
                "sem/safety.yaml", "sem/services.yaml", "sem/sites.yaml",
            ]);
    }

    [Fact]
    public void Stored_document_keeps_every_field_and_non_latin_text()
    {
        var content = PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack!.Organisations.First(o => o.Organisation.Id == "sem");

        var document = PackWriter.WriteDocument(content);
        var back = PackReader.ReadDocument(document, "sem@1").Pack.ShouldNotBeNull().Organisations.ShouldHaveSingleItem();

        PackWriter.WriteDocument(back).ShouldBe(document);
        document.ShouldContain(content.Faq[0].Answer.Get("ar", "fr"));
        document.ShouldContain(content.Faq[0].Answer.Get("uk", "fr"));
        back.Services.Select(s => s.Hours.Count).ShouldBe(content.Services.Select(s => s.Hours.Count));
        back.Activities.SelectMany(a => a.Sessions).Select(s => (s.Id, s.Date, s.MeetingTime, s.Capacity, Cancelled: s.Cancelled is not null, s.MovedFrom))
            .ShouldBe(content.Activities.SelectMany(a => a.Sessions).Select(s => (s.Id, s.Date, s.MeetingTime, s.Capacity, Cancelled: s.Cancelled is not null, s.MovedFrom)));
    }
}
