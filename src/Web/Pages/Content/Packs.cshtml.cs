using System.IO.Compression;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Content.Packs;
using Reach.Content.Storage;
using Reach.Web.Accounts;

namespace Reach.Web.Pages.Content;

/// <summary>
/// Content packs from the web: export the published content as a zip of YAML, import a zip (checked first: a pack
/// with an error is never published; only this organisation's content is taken), list the versions, restore one.
/// </summary>
public sealed class PacksModel(IContentStore content, AuditLog audit, TimeProvider time) : PageModel
{
    private const long MaxUpload = 10_000_000;

    public IReadOnlyList<ContentVersionInfo> Versions { get; private set; } = [];

    public int Current { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public bool Published { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var published = await content.GetPublishedAsync(User.Organisation(), cancellationToken);
        if (published is null)
        {
            return NotFound();
        }

        var folder = Directory.CreateTempSubdirectory("reach-export-");
        try
        {
            PackWriter.WriteDirectory([published.Content], folder.FullName);
            using var zip = new MemoryStream();
            ZipFile.CreateFromDirectory(folder.FullName, zip);
            return File(zip.ToArray(), "application/zip", $"{User.Organisation()}-v{published.Version}.zip");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? pack, string? note, CancellationToken cancellationToken)
    {
        if (pack is null || pack.Length == 0 || pack.Length > MaxUpload)
        {
            Problems = ["Choose a zip of a content pack (at most 10 MB)."];
            await LoadAsync(cancellationToken);
            return Page();
        }

        var folder = Directory.CreateTempSubdirectory("reach-import-");
        try
        {
            try
            {
                await using var stream = pack.OpenReadStream();
                using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
                foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0))
                {
                    var target = Path.GetFullPath(Path.Combine(folder.FullName, entry.FullName));
                    if (!target.StartsWith(folder.FullName + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    {
                        throw new InvalidDataException($"{entry.FullName} points outside the pack.");
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    entry.ExtractToFile(target);
                }
            }
            catch (InvalidDataException e)
            {
                Problems = [$"This file is not a usable zip: {e.Message}"];
                await LoadAsync(cancellationToken);
                return Page();
            }

            var today = NodaTime.LocalDate.FromDateTime(time.GetUtcNow().UtcDateTime);
            var result = PackReader.ReadDirectory(folder.FullName, today);
            var organisation = User.Organisation();
            var problems = result.Diagnostics.Select(d => d.ToString()).ToList();
            var mine = result.Pack?.Organisations.FirstOrDefault(o => o.Organisation.Id == organisation);
            if (result.Pack is not null && mine is null)
            {
                problems.Add($"The pack has no content for {organisation}.");
            }

            if (result.Pack?.Organisations.Any(o => o.Organisation.Id != organisation) == true)
            {
                problems.Add($"Only {organisation}'s content is taken: the pack's other organisations were left out.");
            }

            Problems = problems;
            if (result.HasErrors || mine is null)
            {
                await LoadAsync(cancellationToken);
                return Page();
            }

            var published = await content.PublishAsync(mine, User.Actor(), string.IsNullOrWhiteSpace(note) ? "pack imported from the web" : note.Trim(), cancellationToken);
            await audit.WriteAsync(organisation, User.Actor(), "content.import", $"version {published.Version} ({(published.Changed ? "changed" : "unchanged")})", cancellationToken);
            Published = true;
            Message = published.Changed ? $"Published as version {published.Version}." : $"Unchanged: the pack is version {published.Version}.";
            await LoadAsync(cancellationToken);
            return Page();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public async Task<IActionResult> OnPostRestoreAsync(int version, CancellationToken cancellationToken)
    {
        var organisation = User.Organisation();
        if (await content.GetVersionAsync(organisation, version, cancellationToken) is null)
        {
            return NotFound();
        }

        var result = await content.RestoreAsync(organisation, version, User.Actor(), cancellationToken);
        await audit.WriteAsync(organisation, User.Actor(), "content.restore", $"version {version} restored as version {result.Version}", cancellationToken);
        Message = $"Version {version} is published again, as version {result.Version}.";
        return Redirect("/content/packs");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var organisation = User.Organisation();
        Versions = (await content.ListVersionsAsync(organisation, cancellationToken)).OrderByDescending(v => v.Version).ToList();
        Current = (await content.GetPublishedAsync(organisation, cancellationToken))?.Version ?? 0;
    }
}
