using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reach.Content.Storage;
using Reach.Web.Accounts;
using Reach.Web.Translations;

namespace Reach.Web.Pages.Content;

/// <summary>
/// Export every text as XLSX or CSV (a row per text, a column per language plus its status); import it back, see
/// the differences, then publish them as a new content version.
/// </summary>
public sealed class TranslationsModel(IContentStore content, TranslationStore translations, AuditLog audit) : PageModel
{
    private const long MaxUpload = 5_000_000;

    public IReadOnlyList<SheetChange> Changes { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The uploaded sheet as CSV, carried to the Apply step.</summary>
    public string Sheet { get; private set; } = string.Empty;

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await TableAsync(cancellationToken) is { } table
            ? File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(Csv.Write(table))).ToArray(), "text/csv; charset=utf-8", $"{User.Organisation()}-texts.csv")
            : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        await TableAsync(cancellationToken) is { } table
            ? File(Xlsx.Write(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{User.Organisation()}-texts.xlsx")
            : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0 || file.Length > MaxUpload)
        {
            Errors = ["Choose an XLSX or CSV file (at most 5 MB)."];
            return Page();
        }

        IReadOnlyList<IReadOnlyList<string>> cells;
        try
        {
            await using var stream = file.OpenReadStream();
            if (file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, cancellationToken);
                copy.Position = 0;
                cells = Xlsx.Read(copy);
            }
            else
            {
                using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
                cells = Csv.Read(await reader.ReadToEndAsync(cancellationToken));
            }
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException)
        {
            Errors = [$"This file cannot be read as a spreadsheet: {e.Message}"];
            return Page();
        }

        Sheet = Csv.Write(cells);
        return await CompareAsync(cells, apply: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostApplyAsync(string? sheet, CancellationToken cancellationToken) =>
        await CompareAsync(Csv.Read(sheet ?? string.Empty), apply: true, cancellationToken);

    private async Task<IActionResult> CompareAsync(IReadOnlyList<IReadOnlyList<string>> cells, bool apply, CancellationToken cancellationToken)
    {
        var published = (await content.GetPublishedAsync(User.Organisation(), cancellationToken))?.Content;
        if (published is null)
        {
            return NotFound();
        }

        if (cells.Count == 0 || cells[0].Count == 0 || cells[0][0] != "key")
        {
            Errors = ["The first row must be the header of an export: key, then the languages."];
            return Page();
        }

        var header = cells[0];
        var rows = cells.Skip(1).Where(r => r.Count > 0 && r[0].Length > 0)
            .Select(r => (r[0], (IReadOnlyDictionary<string, string>)header.Select((h, i) => (h, i)).Where(x => x.i > 0 && !x.h.EndsWith(" status", StringComparison.Ordinal) && x.i < r.Count)
                .ToDictionary(x => x.h, x => r[x.i])))
            .ToList();
        var result = TextSheet.Apply(published, rows);
        Errors = result.Errors;
        Changes = result.Changes;
        if (!apply || result.Content is null || result.Changes.Count == 0)
        {
            if (apply && result.Changes.Count == 0 && result.Errors.Count == 0)
            {
                Message = "Nothing to change: the file has the published texts.";
            }

            return Page();
        }

        var version = await content.PublishAsync(result.Content, User.Actor(), $"translation spreadsheet: {result.Changes.Count} text(s)", cancellationToken);
        foreach (var change in result.Changes.Where(c => c.Language != published.Organisation.SourceLanguage && c.Key.EndsWith(":answer", StringComparison.Ordinal)))
        {
            var source = result.Content.Faq.First(f => $"faq:{f.Id}:answer" == change.Key).Answer.Find(published.Organisation.SourceLanguage) ?? string.Empty;
            await translations.SetAsync(published.Organisation.Id, change.Key, change.Language, "reviewed", source, null, User.Actor(), cancellationToken);
        }

        await audit.WriteAsync(published.Organisation.Id, User.Actor(), "content.spreadsheet", $"{result.Changes.Count} text(s), version {version.Version}", cancellationToken);
        Message = $"Published as version {version.Version}: {result.Changes.Count} text(s) changed.";
        return Redirect("/content/translations");
    }

    private async Task<List<IReadOnlyList<string>>?> TableAsync(CancellationToken cancellationToken)
    {
        var published = (await content.GetPublishedAsync(User.Organisation(), cancellationToken))?.Content;
        if (published is null)
        {
            return null;
        }

        var languages = published.Organisation.Languages;
        var source = published.Organisation.SourceLanguage;
        var rows = await translations.ForItemAsync(published.Organisation.Id, string.Empty, cancellationToken);
        var table = new List<IReadOnlyList<string>> { (IReadOnlyList<string>)["key", .. languages.SelectMany(l => new[] { l, l + " status" })] };
        foreach (var (key, texts) in TextSheet.Rows(published))
        {
            var sourceText = texts.GetValueOrDefault(source) ?? string.Empty;
            table.Add([key, .. languages.SelectMany(l => new[]
            {
                texts.GetValueOrDefault(l) ?? string.Empty,
                l == source ? "source" : TranslationStatus.Of(sourceText, texts.GetValueOrDefault(l), rows.GetValueOrDefault((key, l))),
            })]);
        }

        return table;
    }
}
