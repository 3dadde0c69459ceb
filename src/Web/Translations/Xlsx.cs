using System.IO.Compression;
using System.Xml.Linq;

namespace Reach.Web.Translations;

/// <summary>
/// A one-sheet XLSX written and read with the zip and XML of the framework: strings written inline; on reading,
/// inline and shared strings (as Excel and LibreOffice save them) are both understood.
/// </summary>
public static class Xlsx
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static byte[] Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
                """);
            Add(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Add(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Texts" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Add(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """);
            var sheet = new XElement(Main + "worksheet", new XElement(Main + "sheetData", rows.Select((row, r) =>
                new XElement(Main + "row", new XAttribute("r", r + 1), row.Select((cell, c) =>
                    new XElement(Main + "c", new XAttribute("r", Column(c) + (r + 1)), new XAttribute("t", "inlineStr"),
                        new XElement(Main + "is", new XElement(Main + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), cell))))))));
            Add(zip, "xl/worksheets/sheet1.xml", new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), sheet).Declaration + sheet.ToString(SaveOptions.DisableFormatting));
        }

        return stream.ToArray();
    }

    /// <summary>The first sheet's rows, each cell as text (empty cells included up to the last one of its row).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Read(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } sharedEntry
            ? Load(sharedEntry).Root!.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList()
            : [];
        var workbook = Load(zip.GetEntry("xl/workbook.xml") ?? throw new InvalidDataException("Not an XLSX file: there is no workbook."));
        var firstSheet = workbook.Root!.Element(Main + "sheets")?.Elements(Main + "sheet").FirstOrDefault() ?? throw new InvalidDataException("The workbook has no sheet.");
        var target = zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels
            ? Load(rels).Root!.Elements().FirstOrDefault(e => (string?)e.Attribute("Id") == (string?)firstSheet.Attribute(Rel + "id"))?.Attribute("Target")?.Value
            : null;
        var path = target is null ? "xl/worksheets/sheet1.xml" : target.StartsWith('/') ? target[1..] : "xl/" + target;
        var sheet = Load(zip.GetEntry(path) ?? throw new InvalidDataException($"The workbook's first sheet ({path}) is missing."));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in sheet.Root!.Element(Main + "sheetData")?.Elements(Main + "row") ?? [])
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements(Main + "c"))
            {
                var index = ColumnIndex((string?)cell.Attribute("r") ?? string.Empty) ?? cells.Count;
                while (cells.Count < index)
                {
                    cells.Add(string.Empty);
                }

                var type = (string?)cell.Attribute("t");
                var value = type switch
                {
                    "inlineStr" => string.Concat(cell.Descendants(Main + "t").Select(t => t.Value)),
                    "s" when int.TryParse(cell.Element(Main + "v")?.Value, out var i) && i >= 0 && i < shared.Count => shared[i],
                    _ => cell.Element(Main + "v")?.Value ?? string.Empty,
                };
                cells.Add(value);
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new System.Text.UTF8Encoding(false));
        writer.Write(text.Trim());
    }

    private static XDocument Load(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    private static int? ColumnIndex(string reference)
    {
        var letters = reference.TakeWhile(char.IsLetter).ToArray();
        if (letters.Length == 0)
        {
            return null;
        }

        var index = 0;
        foreach (var letter in letters)
        {
            index = (index * 26) + (char.ToUpperInvariant(letter) - 'A' + 1);
        }

        return index - 1;
    }
}
