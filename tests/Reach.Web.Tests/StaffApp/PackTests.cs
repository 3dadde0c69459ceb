using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Reach.Content.Storage;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>Content packs from the web: export, import (never with an error), restore an earlier version.</summary>
public sealed class PackTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<string> UploadAsync(HttpClient client, byte[] zip) =>
        WebUtility.HtmlDecode(await StaffAppHost.UploadAsync(client, "/content/packs", "Import", "pack", "pack.zip", zip, ("note", "spring hours")));

    private static byte[] Edit(byte[] zip, Func<string, string, string> change)
    {
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var copy = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.Where(e => e.Name.Length > 0))
            {
                using var reader = new StreamReader(entry.Open());
                using var writer = new StreamWriter(copy.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(change(entry.FullName, reader.ReadToEnd()));
            }
        }

        return output.ToArray();
    }

    [Fact]
    public async Task A_coordinator_exports_the_pack_changes_it_and_publishes_it_back_and_a_pack_with_an_error_is_refused()
    {
        await using var factory = new ReachAppFactory();
        await StaffAppHost.AccountAsync(factory, "amina@sem.example", "sem", Roles.Coordinator);
        using var client = await StaffAppHost.SignedInAsync(factory, "amina@sem.example");
        var exported = await client.GetByteArrayAsync("/content/packs?handler=Export", None);

        var broken = Edit(exported, (name, text) => name.EndsWith("organisation.yaml", StringComparison.Ordinal) ? text.Replace("timezone: Europe/Brussels", "timezone: Europe/Bruxelles", StringComparison.Ordinal) : text);
        var refused = await UploadAsync(client, broken);
        refused.ShouldContain("Nothing was published. Fix these and try again:");
        refused.ShouldContain("organisation.yaml:");
        refused.ShouldContain("timezone");
        (await factory.Services.GetRequiredService<IContentStore>().ListVersionsAsync("sem", None)).Count.ShouldBe(1);

        var changed = Edit(exported, (name, text) => text.Replace("Permanence sociale", "Permanence sociale du centre", StringComparison.Ordinal));
        var published = await UploadAsync(client, changed);
        published.ShouldContain("Published as version 2.");
        (await factory.Services.GetRequiredService<IContentStore>().GetPublishedAsync("sem", None))!.Content.Services.Single(s => s.Id == "sem-social-desk").Title.Find("fr").ShouldBe("Permanence sociale du centre");

        using var restored = await StaffAppHost.PostFormAsync(client, "/content/packs", new() { ["version"] = "1" }, "Restore");
        restored.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StaffAppHost.GetAsync(client, "/content/packs")).ShouldContain("Version 1 is published again, as version 3.");
    }

    [Fact]
    public async Task A_zip_that_reaches_outside_its_folder_is_refused()
    {
        await using var factory = new ReachAppFactory();
        await StaffAppHost.AccountAsync(factory, "amina@sem.example", "sem", Roles.Coordinator);
        using var client = await StaffAppHost.SignedInAsync(factory, "amina@sem.example");
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("../../evil.yaml").Open());
            writer.Write("organisation: {}");
        }

        (await UploadAsync(client, stream.ToArray())).ShouldContain("This file is not a usable zip: ../../evil.yaml points outside the pack.");
    }
}
