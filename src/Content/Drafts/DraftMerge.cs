using Reach.Content.Model;
using Reach.Content.Packs;

namespace Reach.Content.Drafts;

/// <summary>What a draft does to one item, compared with the version it started from.</summary>
public enum ChangeKind
{
    Added,
    Changed,
    Removed,
}

/// <summary>One item of a draft that differs from its base: the section (services, activities, faq, referrals, safety, sites) and the id.</summary>
public sealed record ItemChange(string Section, string Id, ChangeKind Kind, string Title);

/// <summary>The outcome of merging a draft onto the newest published content.</summary>
/// <param name="Content">The newest published content with the draft's changes applied.</param>
/// <param name="Changes">The draft's changes.</param>
/// <param name="Conflicts">Changes to items that were also changed in a version published since the draft started:
/// the draft's text wins when published, so a coordinator must look at them first.</param>
public sealed record MergeResult(OrganisationContent Content, IReadOnlyList<ItemChange> Changes, IReadOnlyList<ItemChange> Conflicts);

/// <summary>
/// Item-by-item three-way merge of a draft: what the draft changed relative to its base version is applied onto the
/// newest published version, so a closure published in the meantime (or an FAQ answer published directly) is kept
/// unless the draft changed the same item. Items are compared by their canonical pack text (<see cref="PackWriter.WriteItem"/>).
/// </summary>
public static class DraftMerge
{
    public static IReadOnlyList<ItemChange> Changes(OrganisationContent basis, OrganisationContent draft)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(draft);
        var source = draft.Organisation.SourceLanguage;
        return
        [
            .. Diff("services", basis.Services, draft.Services, s => s.Id, s => s.Title.Get(source, source)),
            .. Diff("activities", basis.Activities, draft.Activities, a => a.Id, a => a.Title.Get(source, source)),
            .. Diff("faq", basis.Faq, draft.Faq, f => f.Id, f => f.Questions.Items.GetValueOrDefault(source) is [var first, ..] ? first : f.Id),
            .. Diff("referrals", basis.Referrals, draft.Referrals, r => r.Id, r => r.Name.Get(source, source)),
            .. Diff("safety", basis.Safety, draft.Safety, t => t.Id, t => t.Id),
            .. Diff("sites", basis.Sites, draft.Sites, s => s.Id, s => s.Name.Get(source, source)),
        ];
    }

    public static MergeResult Merge(OrganisationContent basis, OrganisationContent draft, OrganisationContent current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var changes = Changes(basis, draft);
        var conflicts = new List<ItemChange>();
        var merged = current with
        {
            Services = Apply("services", basis.Services, draft.Services, current.Services, s => s.Id, changes, conflicts),
            Activities = Apply("activities", basis.Activities, draft.Activities, current.Activities, a => a.Id, changes, conflicts),
            Faq = Apply("faq", basis.Faq, draft.Faq, current.Faq, f => f.Id, changes, conflicts),
            Referrals = Apply("referrals", basis.Referrals, draft.Referrals, current.Referrals, r => r.Id, changes, conflicts),
            Safety = Apply("safety", basis.Safety, draft.Safety, current.Safety, t => t.Id, changes, conflicts),
            Sites = Apply("sites", basis.Sites, draft.Sites, current.Sites, s => s.Id, changes, conflicts),
        };
        return new MergeResult(merged, changes, conflicts);
    }

    private static IEnumerable<ItemChange> Diff<T>(string section, IReadOnlyList<T> basis, IReadOnlyList<T> draft, Func<T, string> id, Func<T, string> title)
        where T : notnull
    {
        var before = basis.ToDictionary(id, StringComparer.Ordinal);
        var after = draft.ToDictionary(id, StringComparer.Ordinal);
        foreach (var item in draft)
        {
            if (!before.TryGetValue(id(item), out var old))
            {
                yield return new ItemChange(section, id(item), ChangeKind.Added, title(item));
            }
            else if (PackWriter.WriteItem(old) != PackWriter.WriteItem(item))
            {
                yield return new ItemChange(section, id(item), ChangeKind.Changed, title(item));
            }
        }

        foreach (var item in basis.Where(b => !after.ContainsKey(id(b))))
        {
            yield return new ItemChange(section, id(item), ChangeKind.Removed, title(item));
        }
    }

    private static List<T> Apply<T>(
        string section, IReadOnlyList<T> basis, IReadOnlyList<T> draft, IReadOnlyList<T> current, Func<T, string> id,
        IReadOnlyList<ItemChange> changes, List<ItemChange> conflicts)
        where T : notnull
    {
        var before = basis.ToDictionary(id, StringComparer.Ordinal);
        var edited = draft.ToDictionary(id, StringComparer.Ordinal);
        var result = current.ToList();
        foreach (var change in changes.Where(c => c.Section == section))
        {
            var index = result.FindIndex(i => id(i) == change.Id);
            var now = index >= 0 ? PackWriter.WriteItem(result[index]) : null;
            var was = before.TryGetValue(change.Id, out var b) ? PackWriter.WriteItem(b) : null;
            var wanted = edited.TryGetValue(change.Id, out var d) ? PackWriter.WriteItem(d) : null;
            if (now != was && now != wanted)
            {
                conflicts.Add(change);
            }

            if (change.Kind == ChangeKind.Removed)
            {
                if (index >= 0)
                {
                    result.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                result[index] = d!;
            }
            else
            {
                // Added (or removed meanwhile from the published content): placed after its draft neighbour when there is one.
                var position = draft.ToList().FindIndex(i => id(i) == change.Id);
                var after = position > 0 ? result.FindIndex(i => id(i) == id(draft[position - 1])) : -1;
                result.Insert(after >= 0 ? after + 1 : result.Count, d!);
            }
        }

        return result;
    }
}
