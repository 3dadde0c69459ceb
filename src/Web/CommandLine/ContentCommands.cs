using System.CommandLine;
using NodaTime;
using Reach.Content.Packs;

namespace Reach.Web.CommandLine;

/// <summary><c>reach content validate|import|export|versions|restore</c>.</summary>
internal static class ContentCommands
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var content = new Command("content", "Check, publish and export content packs.");
        content.Subcommands.Add(Validate(output, error));
        return content;
    }

    private static Command Validate(TextWriter output, TextWriter error)
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "The content pack folder." };
        var command = new Command("validate", "Check a content pack and print every problem as file:line: field: message.") { directory };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            var today = LocalDate.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            var result = PackReader.ReadDirectory(dir.FullName, today);
            Print(result, dir.FullName, output, error);
            return result.HasErrors ? 1 : 0;
        });
        return command;
    }

    internal static void Print(PackReadResult result, string directory, TextWriter output, TextWriter error)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            (diagnostic.Severity == Severity.Error ? error : output).WriteLine(diagnostic.ToString());
        }

        var errors = result.Errors.Count();
        var warnings = result.Warnings.Count();
        if (result.Pack is { } pack)
        {
            foreach (var org in pack.Organisations)
            {
                output.WriteLine($"{org.Organisation.Id}: {org.Sites.Count} sites, {org.Services.Count} services, {org.Activities.Count} activities, {org.Faq.Count} faq, {org.Referrals.Count} referrals, {org.Safety.Count} safety topics");
            }
        }

        (errors > 0 ? error : output).WriteLine($"{directory}: {errors} error(s), {warnings} warning(s)");
    }
}
