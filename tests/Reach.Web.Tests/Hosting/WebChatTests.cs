using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reach.Web.Tests.Hosting;

/// <summary>The web chat through HTTP, on the whole host, as a newcomer without any channel account uses it.</summary>
public class WebChatTests
{
    [Fact]
    public async Task The_page_is_served_and_a_conversation_goes_through_the_engine()
    {
        await using var factory = new ReachAppFactory();
        using var client = factory.CreateClient();
        var session = Guid.NewGuid().ToString();

        var page = await client.GetStringAsync(new Uri("/chat", UriKind.Relative), TestContext.Current.CancellationToken);
        using var first = await client.PostAsJsonAsync(new Uri("/chat/messages", UriKind.Relative), new { session, text = "متى تفتح الخدمة الاجتماعية؟" }, TestContext.Current.CancellationToken);
        var replies = JsonDocument.Parse(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        page.ShouldContain("<ul id=\"log\" aria-live=\"polite\"");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        replies.GetArrayLength().ShouldBe(5);
        replies[0].GetProperty("language").GetString().ShouldBe("ar");
        replies[0].GetProperty("rtl").GetBoolean().ShouldBeTrue();
        replies[4].GetProperty("text").GetString()!.ShouldStartWith("مكتب المساعدة الاجتماعية");
    }

    [Fact]
    public async Task A_request_without_a_session_or_a_message_is_refused_clearly()
    {
        await using var factory = new ReachAppFactory();
        using var client = factory.CreateClient();

        using var noSession = await client.PostAsJsonAsync(new Uri("/chat/messages", UriKind.Relative), new { text = "hello" }, TestContext.Current.CancellationToken);
        using var empty = await client.PostAsJsonAsync(new Uri("/chat/messages", UriKind.Relative), new { session = Guid.NewGuid().ToString(), text = " " }, TestContext.Current.CancellationToken);

        noSession.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noSession.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("{\"error\":\"session must be a UUID made by the page\"}");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
