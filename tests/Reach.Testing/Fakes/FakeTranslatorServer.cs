using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Reach.Testing.Fakes;

/// <summary>
/// Azure AI Translator's <c>POST /translate?api-version=3.0&amp;from=..&amp;to=..</c> on 127.0.0.1 for tests: checks the
/// key header, answers each text as "[to] text" (or an error with Translator's error body when told to fail, or late
/// when told to be slow), and counts requests.
/// </summary>
public sealed class FakeTranslatorServer : IAsyncDisposable
{
    public const string Key = "fake-translator-key";

    private readonly HttpListener listener = new();
    private readonly Task loop;
    private int requests;

    private FakeTranslatorServer(int port)
    {
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Endpoint.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public int Requests => Volatile.Read(ref requests);

    /// <summary>When true, every request gets <see cref="FailureStatus"/> with Translator's error body.</summary>
    public bool Failing { get; set; }

    /// <summary>The status of a failing answer: 503 (code 503000) unless set.</summary>
    public int FailureStatus { get; set; } = 503;

    /// <summary>How long each answer waits before it is written.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public static FakeTranslatorServer Start()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new FakeTranslatorServer(port);
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref requests);
            _ = Task.Run(() => AnswerAsync(context)); // one at a time would keep a slow answer in front of the next request
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            await AnswerOneAsync(context);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client gave up waiting (a slow answer), or the server stopped.
        }
    }

    private async Task AnswerOneAsync(HttpListenerContext context)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        using var response = context.Response;
        var query = context.Request.QueryString;
        if (context.Request.Headers["Ocp-Apim-Subscription-Key"] != Key)
        {
            await WriteAsync(response, 401, """{"error":{"code":401000,"message":"The request isn't authorized because credentials are missing or invalid."}}""");
        }
        else if (Failing)
        {
            var message = FailureStatus == 503 ? "Service is temporarily unavailable. Retry." : "An unexpected error occurred.";
            await WriteAsync(response, FailureStatus, $$$"""{"error":{"code":{{{FailureStatus * 1000}}},"message":"{{{message}}}"}}""");
        }
        else if (context.Request.HttpMethod != "POST" || context.Request.Url!.AbsolutePath != "/translate" || query["api-version"] != "3.0" || query["to"] is not { } to)
        {
            await WriteAsync(response, 400, """{"error":{"code":400000,"message":"One of the request inputs isn't valid."}}""");
        }
        else
        {
            using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
            var results = body.RootElement.EnumerateArray()
                .Select(item => new { translations = new[] { new { text = $"[{to}] {item.GetProperty("Text").GetString()}", to } } })
                .ToList();
            await WriteAsync(response, 200, JsonSerializer.Serialize(results));
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string json)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(json);
        await response.OutputStream.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
