using System.CommandLine;
using System.Globalization;
using NodaTime;
using Reach.Content.Model;
using Reach.Content.Packs;

namespace Reach.Web.CommandLine;

/// <summary><c>reach content validate|import|export|versions|restore</c>.</summary>
internal static class ContentCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var content = new Command("content", "Check, publish, export and restore content packs.");
        content.Subcommands.Add(Validate(output, error));
        content.Subcommands.Add(Import(output, error));
        content.Subcommands.Add(Export(output, error));
        content.Subcommands.Add(Versions(output, error));
        content.Subcommands.Add(Restore(output, error));
        return content;
    }

    private static Command Validate(TextWriter output, TextWriter error)
    {
        var directory = new Argument<string>("DIR") { Description = "The content pack folder." };
        var command = new Command("validate", "Check a content pack and print every problem as file:line: field: message.") { directory };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            var result = PackReader.ReadDirectory(dir, Today(TimeProvider.System));
            Print(result, dir, output, error);
            return result.HasErrors ? 1 : 0;
        });
        return command;
    }

    private static Command Import(TextWriter output, TextWriter error)
    {
        var directory = new Argument<string>("DIR") { Description = "The content pack folder." };
        var author = AuthorOption();
        var note = new Option<string?>("--note") { Description = "Why this version is published." };
        var command = new Command("import", "Validate a pack and publish each organisation in it as a new version.") { directory, author, note };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dir = parse.GetValue(directory)!;
            await using var services = await CommandServices.StartAsync(cancellationToken);
            var result = PackReader.ReadDirectory(dir, Today(services.TimeProvider));
            Print(result, dir, output, error);
            if (result.Pack is null)
            {
                error.WriteLine("Nothing was published: the published content is unchanged.");
                return 1;
            }

            foreach (var content in result.Pack.Organisations)
            {
                var published = await services.Store.PublishAsync(content, parse.GetValue(author)!, parse.GetValue(note), cancellationToken);
                output.WriteLine(published.Changed
                    ? $"{published.OrganisationId}: published version {published.Version}"
                    : $"{published.OrganisationId}: unchanged, still version {published.Version}");
            }

            return 0;
        });
        return command;
    }

    private static Command Export(TextWriter output, TextWriter error)
    {
        var directory = new Argument<string>("DIR") { Description = "The folder to write the pack to." };
        var organisation = new Option<string?>("--org") { Description = "Only this organisation (default: all)." };
        var version = new Option<int?>("--version") { Description = "This version instead of the published one (needs --org)." };
        var command = new Command("export", "Write the published content back as a content pack.") { directory, organisation, version };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var org = parse.GetValue(organisation);
            var wanted = parse.GetValue(version);
            if (wanted is not null && org is null)
            {
                error.WriteLine("--version needs --org: versions are numbered per organisation.");
                return 2;
            }

            await using var services = await CommandServices.StartAsync(cancellationToken);
            var ids = org is null ? await services.Store.ListOrganisationsAsync(cancellationToken) : [org];
            var contents = new List<OrganisationContent>();
            foreach (var id in ids)
            {
                var content = wanted is { } number
                    ? await services.Store.GetVersionAsync(id, number, cancellationToken)
                    : (await services.Store.GetPublishedAsync(id, cancellationToken))?.Content;
                if (content is null)
                {
                    error.WriteLine(wanted is null ? $"{id}: no published content" : $"{id}: no version {wanted}");
                    return 1;
                }

                contents.Add(content);
            }

            if (contents.Count == 0)
            {
                error.WriteLine("No content is published yet: import a pack first.");
                return 1;
            }

            var dir = parse.GetValue(directory)!;
            PackWriter.WriteDirectory(contents, dir);
            output.WriteLine($"Wrote {string.Join(", ", contents.Select(c => c.Organisation.Id))} to {dir}");
            return 0;
        });
        return command;
    }

    private static Command Versions(TextWriter output, TextWriter error)
    {
        var organisation = new Option<string>("--org") { Description = "The organisation.", Required = true };
        var command = new Command("versions", "List the published versions of an organisation's content.") { organisation };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CommandServices.StartAsync(cancellationToken);
            var org = parse.GetValue(organisation)!;
            var versions = await services.Store.ListVersionsAsync(org, cancellationToken);
            if (versions.Count == 0)
            {
                error.WriteLine($"{org}: no versions");
                return 1;
            }

            foreach (var v in versions)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(v.IsCurrent ? "*" : " ")} {v.Version,4}  {v.CreatedAt:yyyy-MM-dd HH:mm}Z  {v.Author}  {v.Note}"));
            }

            return 0;
        });
        return command;
    }

    private static Command Restore(TextWriter output, TextWriter error)
    {
        var organisation = new Option<string>("--org") { Description = "The organisation.", Required = true };
        var version = new Option<int>("--version") { Description = "The version to publish again.", Required = true };
        var author = AuthorOption();
        var command = new Command("restore", "Publish an earlier version again, as a new version.") { organisation, version, author };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CommandServices.StartAsync(cancellationToken);
            var org = parse.GetValue(organisation)!;
            var number = parse.GetValue(version);
            try
            {
                var result = await services.Store.RestoreAsync(org, number, parse.GetValue(author)!, cancellationToken);
                output.WriteLine(result.Changed
                    ? $"{org}: version {number} restored as version {result.Version}"
                    : $"{org}: version {number} is already the published content (version {result.Version})");
                return 0;
            }
            catch (KeyNotFoundException e)
            {
                error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static Option<string> AuthorOption() => new("--author")
    {
        Description = "Who publishes (default: the current user).",
        DefaultValueFactory = _ => Environment.UserName,
    };

    private static LocalDate Today(TimeProvider timeProvider) =>
        LocalDate.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);

    internal static void Print(PackReadResult result, string directory, TextWriter output, TextWriter error)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            (diagnostic.Severity == Severity.Error ? error : output).WriteLine(diagnostic.ToString());
        }

        if (result.Pack is { } pack)
        {
            foreach (var org in pack.Organisations)
            {
                output.WriteLine($"{org.Organisation.Id}: {org.Sites.Count} sites, {org.Services.Count} services, {org.Activities.Count} activities, {org.Faq.Count} faq, {org.Referrals.Count} referrals, {org.Safety.Count} safety topics");
            }
        }

        var errors = result.Errors.Count();
        (errors > 0 ? error : output).WriteLine($"{directory}: {errors} error(s), {result.Warnings.Count()} warning(s)");
    }
}
