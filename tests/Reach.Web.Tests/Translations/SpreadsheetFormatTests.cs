using System.IO.Compression;
using System.Text;
using Reach.Web.Translations;

namespace Reach.Web.Tests.Translations;

/// <summary>CSV and XLSX as the translation spreadsheet writes and reads them.</summary>
public class SpreadsheetFormatTests
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> Table =
    [
        ["key", "fr", "ar"],
        ["faq:x:answer", "Prenez « vos » papiers, \"tous\".", "أحضر أوراقك"],
        ["faq:x:questions", "quoi apporter ?\nquels papiers", ""],
    ];

    [Fact]
    public void Csv_keeps_commas_quotes_line_breaks_and_Arabic()
    {
        var csv = Csv.Write(Table);

        csv.ShouldBe("key,fr,ar\r\nfaq:x:answer,\"Prenez « vos » papiers, \"\"tous\"\".\",أحضر أوراقك\r\nfaq:x:questions,\"quoi apporter ?\nquels papiers\",\r\n");
        Csv.Read(csv).ShouldBe(Table);
    }

    [Fact]
    public void Csv_saved_by_a_French_spreadsheet_uses_semicolons_and_a_byte_order_mark()
    {
        var rows = Csv.Read("\uFEFFkey;fr;ar\r\nfaq:x:answer;\"a; b\";ج\r\n");

        rows.ShouldBe([["key", "fr", "ar"], ["faq:x:answer", "a; b", "ج"]]);
    }

    [Fact]
    public void Xlsx_written_is_read_back_the_same()
    {
        using var stream = new MemoryStream(Xlsx.Write(Table));

        Xlsx.Read(stream).ShouldBe(Table);
    }

    [Fact]
    public void Xlsx_with_shared_strings_and_gaps_as_spreadsheets_save_it_is_read()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }

            const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            Add("xl/workbook.xml", $"""<workbook xmlns="{Ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId7"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Target="worksheets/data.xml" Type="worksheet"/></Relationships>""");
            Add("xl/sharedStrings.xml", $"""<sst xmlns="{Ns}"><si><t>key</t></si><si><r><t>fr</t></r></si><si><t>bonjour</t></si></sst>""");
            Add("xl/worksheets/data.xml", $"""<worksheet xmlns="{Ns}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="C2"><v>42</v></c></row></sheetData></worksheet>""");
        }

        stream.Position = 0;
        Xlsx.Read(stream).ShouldBe([["key", "fr"], ["bonjour", "", "42"]]);
    }

    [Fact]
    public void A_file_that_is_not_a_spreadsheet_is_refused_clearly()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("not a zip"));

        Should.Throw<InvalidDataException>(() => Xlsx.Read(stream));
    }
}
