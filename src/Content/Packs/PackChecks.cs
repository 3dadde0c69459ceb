using NodaTime;
using Reach.Content.Model;

namespace Reach.Content.Packs;

/// <summary>Checks that need the whole pack: unique ids, references, translations, calendars, stale contacts.</summary>
internal static class PackChecks
{
    public static void Run(PackState state, ContentPack pack, Dictionary<string, FolderContent> folders, LocalDate? today)
    {
        DuplicateIds(state);
        References(state);
        Translations(state, folders);
        foreach (var content in pack.Organisations)
        {
            SchoolRules(state, content);
            if (today is { } date)
            {
                StaleReferrals(state, content, date);
            }
        }
    }

    private static void DuplicateIds(PackState state)
    {
        foreach (var group in state.Ids.GroupBy(d => d.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                state.Report(Severity.Error, duplicate.File, duplicate.Line, duplicate.Field, $"duplicate id '{duplicate.Id}': already used at {first.File}:{first.Line}");
            }
        }
    }

    private static void References(PackState state)
    {
        var byId = state.Ids.ToLookup(d => d.Id, StringComparer.Ordinal);
        foreach (var reference in state.References)
        {
            var candidates = byId[reference.Id].ToList();
            var found = candidates.Exists(d => reference.Kinds.Contains(d.Kind)
                && (d.Scope == reference.Scope || (d.Kind == ItemKind.Holidays && d.Scope.Length == 0)));
            if (found)
            {
                continue;
            }

            var wanted = string.Join(" or ", reference.Kinds.Select(Name));
            var message = candidates.Count == 0
                ? $"unknown {wanted} '{reference.Id}'"
                : $"'{reference.Id}' is not a {wanted} of this organisation (it is a {Name(candidates[0].Kind)} in {candidates[0].File}:{candidates[0].Line})";
            state.Report(Severity.Error, reference.File, reference.Line, reference.Field, message);
        }
    }

    private static void Translations(PackState state, Dictionary<string, FolderContent> folders)
    {
        foreach (var text in state.Texts)
        {
            if (!folders.TryGetValue(text.Scope, out var folder) || folder.Organisation is not { } organisation)
            {
                continue;
            }

            if (text.Required)
            {
                var missing = organisation.Languages.Where(l => !text.Languages.Contains(l)).ToList();
                if (missing.Count > 0)
                {
                    state.Report(Severity.Warning, text.File, text.Line, text.Field, $"missing translation in {string.Join(", ", missing)} (offered by {organisation.Id})");
                }
            }

            var extra = text.Languages.Where(l => !organisation.Languages.Contains(l)).ToList();
            if (extra.Count > 0)
            {
                state.Report(Severity.Warning, text.File, text.Line, text.Field, $"{string.Join(", ", extra)} is not offered by {organisation.Id}: add it to 'languages' or remove the text");
            }
        }
    }

    private static void SchoolRules(PackState state, OrganisationContent content)
    {
        if (content.HolidayCalendar is not null)
        {
            return;
        }

        var items = content.Services.Select(s => (Item: (IScheduledItem)s, s.Source, Field: $"services[{s.Id}].hours"))
            .Concat(content.Activities.Select(a => (Item: (IScheduledItem)a, a.Source, Field: $"activities[{a.Id}].schedule")));
        foreach (var (item, source, field) in items)
        {
            if (item.Rules.Any(r => r.School != SchoolFilter.Any) && source is not null)
            {
                state.Report(Severity.Error, source.File, source.Line, field, $"'school' needs the organisation's 'holiday_calendar' ({content.Organisation.Id} has none)");
            }
        }
    }

    private static void StaleReferrals(PackState state, OrganisationContent content, LocalDate today)
    {
        foreach (var referral in content.Referrals.Where(r => r.Source is not null && Period.Between(r.LastVerified, today, PeriodUnits.Days).Days > 365))
        {
            state.Report(Severity.Warning, referral.Source!.File, referral.Source.Line, $"referrals[{referral.Id}].last_verified", $"last verified on {referral.LastVerified:yyyy-MM-dd}, more than a year ago: check the contact");
        }
    }

    private static string Name(ItemKind kind) => kind switch
    {
        ItemKind.Holidays => "holiday calendar",
        ItemKind.Faq => "faq entry",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
