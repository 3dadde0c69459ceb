using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Reach.Web.Accounts;
using Reach.Web.Tests.Hosting;

namespace Reach.Web.Tests.StaffApp;

/// <summary>The Reach host with accounts, and HTTPS clients that sign in through the login form like a browser.</summary>
internal static partial class StaffAppHost
{
    public const string Password = "correct horse battery";

    public static async Task<Account> AccountAsync(ReachAppFactory factory, string email, string organisation = "sem", params string[] roles)
    {
        var (account, error) = await factory.Services.GetRequiredService<AccountStore>().CreateAsync(
            organisation, email, email.Split('@')[0], roles, "fr", Password, TestContext.Current.CancellationToken);
        return account ?? throw new InvalidOperationException(error);
    }

    public static HttpClient Client(ReachAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInAsync(ReachAppFactory factory, string email, string password = Password)
    {
        var client = Client(factory);
        using var response = await PostFormAsync(client, "/account/login", new() { ["email"] = email, ["password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {email}");
        return client;
    }

    /// <summary>Gets the page, takes its antiforgery token, and posts the form with it.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? handler = null) =>
        PostFormAsync(client, path, path, fields, handler);

    /// <summary>Posts to <paramref name="path"/> with a valid token taken from another page (<paramref name="tokenPage"/>).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string tokenPage, string path, Dictionary<string, string> fields, string? handler)
    {
        var page = await client.GetStringAsync(tokenPage, TestContext.Current.CancellationToken);
        var token = Token().Match(page).Groups[1].Value;
        token.ShouldNotBeEmpty($"{tokenPage} has an antiforgery token");
        fields["__RequestVerificationToken"] = token;
        var url = handler is null ? path : $"{path}?handler={handler}";
        return await client.PostAsync(url, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    public static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Uploads a file with a form (multipart), with the page's antiforgery token, as a browser does.</summary>
    public static async Task<string> UploadAsync(HttpClient client, string path, string handler, string field, string fileName, byte[] bytes, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken");
        using var response = await client.PostAsync($"{path}?handler={handler}", form, TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The texts of a page's form (as a browser would send them back), with some changed.</summary>
    public static Dictionary<string, string> Fields(string page, params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match m in TextArea().Matches(page))
        {
            fields[m.Groups[1].Value] = m.Groups[2].Value;
        }

        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return fields;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<textarea id=\"[^\"]+\" name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex TextArea();
}
