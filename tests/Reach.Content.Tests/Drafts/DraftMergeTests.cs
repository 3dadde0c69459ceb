using NodaTime;
using Reach.Content.Drafts;
using Reach.Content.Model;
using Reach.Content.Packs;
using Reach.Testing;

namespace Reach.Content.Tests.Drafts;

public sealed class DraftMergeTests
{
    private static readonly OrganisationContent Sem =
        PackReader.ReadDirectory(RepositoryPaths.DemoPack).Pack!.Organisations.Single(o => o.Organisation.Id == "sem");

    private static Service Desk => Sem.Services[0];

    [Fact]
    public void A_draft_lists_what_it_adds_changes_and_removes_with_the_source_language_title()
    {
        var referral = Sem.Referrals[0];
        var draft = Sem with
        {
            Services = [Desk with { Summary = LocalizedText.Of("fr", "Nouveau résumé") }, .. Sem.Services.Skip(1)],
            Referrals = Sem.Referrals.Skip(1).ToList(),
            Faq = [.. Sem.Faq, new FaqEntry("parking", new LocalizedList([new("fr", (IReadOnlyList<string>)["Où se garer ?"])]), LocalizedText.Of("fr", "Rue de la Gare."))],
        };

        DraftMerge.Changes(Sem, draft).ShouldBe(
        [
            new ItemChange("services", Desk.Id, ChangeKind.Changed, Desk.Title.Get("fr", "fr")),
            new ItemChange("faq", "parking", ChangeKind.Added, "Où se garer ?"),
            new ItemChange("referrals", referral.Id, ChangeKind.Removed, referral.Name.Get("fr", "fr")),
        ]);
        DraftMerge.Changes(Sem, Sem).ShouldBeEmpty();
    }

    [Fact]
    public void Publishing_a_draft_keeps_a_closure_published_meanwhile_on_another_item()
    {
        var other = Sem.Services[1];
        var closure = new Closure(new LocalDate(2026, 11, 23), new LocalDate(2026, 11, 23), LocalizedText.Of("fr", "Formation de l'équipe"));
        var draft = Sem with { Services = [Desk with { Summary = LocalizedText.Of("fr", "Nouveau résumé") }, .. Sem.Services.Skip(1)] };
        var current = Sem with { Services = Sem.Services.Select(s => s.Id == other.Id ? s with { Closures = [.. s.Closures, closure] } : s).ToList() };

        var merged = DraftMerge.Merge(Sem, draft, current);

        merged.Conflicts.ShouldBeEmpty();
        merged.Content.Services[0].Summary!.Find("fr").ShouldBe("Nouveau résumé");
        merged.Content.Services.Single(s => s.Id == other.Id).Closures.ShouldContain(closure);
        merged.Content.Services.Select(s => s.Id).ShouldBe(Sem.Services.Select(s => s.Id));
    }

    [Fact]
    public void The_same_item_changed_in_the_draft_and_in_a_later_version_is_a_conflict_and_the_draft_wins()
    {
        var draft = Sem with { Services = [Desk with { Summary = LocalizedText.Of("fr", "Version du brouillon") }, .. Sem.Services.Skip(1)] };
        var current = Sem with { Services = [Desk with { Summary = LocalizedText.Of("fr", "Version publiée entre-temps") }, .. Sem.Services.Skip(1)] };

        var merged = DraftMerge.Merge(Sem, draft, current);

        merged.Conflicts.ShouldBe([new ItemChange("services", Desk.Id, ChangeKind.Changed, Desk.Title.Get("fr", "fr"))]);
        merged.Content.Services[0].Summary!.Find("fr").ShouldBe("Version du brouillon");
    }

    [Fact]
    public void The_same_change_made_on_both_sides_is_not_a_conflict()
    {
        var edited = Desk with { Summary = LocalizedText.Of("fr", "Pareil") };
        var draft = Sem with { Services = [edited, .. Sem.Services.Skip(1)] };

        DraftMerge.Merge(Sem, draft, draft).Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void An_added_item_lands_after_its_neighbour_and_a_removed_one_goes()
    {
        var added = Desk with { Id = "desk-two" };
        var draft = Sem with { Services = [Sem.Services[0], added, .. Sem.Services.Skip(1)], Safety = Sem.Safety.Skip(1).ToList() };
        var current = Sem with { Faq = Sem.Faq.Skip(2).ToList() };

        var merged = DraftMerge.Merge(Sem, draft, current).Content;

        merged.Services.Select(s => s.Id).ShouldBe(draft.Services.Select(s => s.Id));
        merged.Safety.Select(s => s.Id).ShouldBe(Sem.Safety.Skip(1).Select(s => s.Id));
        merged.Faq.Count.ShouldBe(Sem.Faq.Count - 2, "the FAQ entries removed in the published version stay removed");
    }
}
