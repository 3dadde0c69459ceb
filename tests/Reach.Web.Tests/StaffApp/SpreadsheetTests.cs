using System.Net;
using System.Net.Http.Json;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;
using Reach.Web.Translations;

namespace Reach.Web.Tests.StaffApp;

/// <summary>A coordinator exports the texts, translates in the spreadsheet, brings it back, sees the differences, publishes.</summary>
public sealed class SpreadsheetTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_Arabic_text_changed_in_the_XLSX_is_shown_then_published_and_the_bot_uses_it()
    {
        await using var factory = new ReachAppFactory();
        await StaffAppHost.AccountAsync(factory, "amina@sem.example", "sem", Roles.Coordinator);
        using var client = await StaffAppHost.SignedInAsync(factory, "amina@sem.example");

        var exported = await client.GetByteArrayAsync("/content/translations?handler=Xlsx", None);
        var table = Xlsx.Read(new MemoryStream(exported)).Select(r => r.ToList()).ToList();
        table[0].ShouldBe(["key", "fr", "fr status", "ar", "ar status", "uk", "uk status", "es", "es status", "en", "en status"]);
        var row = table.Single(r => r[0] == "faq:sem-faq-bring:answer");
        (row[2], row[4]).ShouldBe(("source", "reviewed"));
        row[3] = "أحضر بطاقة الإقامة فقط.";

        var raw = await StaffAppHost.UploadAsync(client, "/content/translations", "Preview", "file", "texts.xlsx", Xlsx.Write(table));
        var shown = WebUtility.HtmlDecode(raw);
        shown.ShouldContain("<h2>1 difference(s)</h2>");
        shown.ShouldContain("<td>faq:sem-faq-bring:answer</td><td>ar</td>");
        shown.ShouldContain("<td dir=\"auto\">أحضر بطاقة الإقامة فقط.</td>");
        var sheet = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(raw, "<textarea name=\"sheet\" hidden aria-hidden=\"true\">([^<]*)</textarea>").Groups[1].Value);
        sheet.ShouldStartWith("key,fr,fr status");

        using var applied = await StaffAppHost.PostFormAsync(client, "/content/translations", new() { ["sheet"] = sheet }, "Apply");
        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StaffAppHost.GetAsync(client, "/content/translations")).ShouldContain("Published as version 2: 1 text(s) changed.");
        using var chat = factory.CreateClient();
        using var answer = await chat.PostAsJsonAsync("/chat/messages", new { session = Guid.NewGuid().ToString(), text = "ماذا يجب أن أحضر معي؟", language = "ar" }, None);
        System.Text.RegularExpressions.Regex.Unescape(await answer.Content.ReadAsStringAsync(None)).ShouldContain("أحضر بطاقة الإقامة فقط.");
    }

    [Fact]
    public async Task A_CSV_with_an_unknown_key_changes_nothing_and_says_why()
    {
        await using var factory = new ReachAppFactory();
        await StaffAppHost.AccountAsync(factory, "amina@sem.example", "sem", Roles.Coordinator);
        using var client = await StaffAppHost.SignedInAsync(factory, "amina@sem.example");
        var csv = await client.GetByteArrayAsync("/content/translations?handler=Csv", None);
        csv[..3].ShouldBe(System.Text.Encoding.UTF8.GetPreamble(), "a byte order mark, so that spreadsheets read UTF-8");
        System.Text.Encoding.UTF8.GetString(csv[3..]).ShouldStartWith("key,fr,fr status,ar,ar status");

        var shown = WebUtility.HtmlDecode(await StaffAppHost.UploadAsync(client, "/content/translations", "Preview", "file", "texts.csv", System.Text.Encoding.UTF8.GetBytes("key,fr\r\nfaq:nothing:answer,Bonjour\r\n")));
        shown.ShouldContain("<li>faq:nothing:answer: no such text in the published content (keys come from an export; rows cannot add items).</li>");
        shown.ShouldNotContain("Publish these changes");
    }
}
