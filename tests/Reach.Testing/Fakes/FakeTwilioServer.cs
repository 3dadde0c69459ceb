using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Reach.Testing.Fakes;

/// <summary>
/// A small Twilio REST API on 127.0.0.1 for tests: <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>
/// with Basic authentication, answering like Twilio (201 and a message JSON, 401, or 400 with error 21610
/// for an unsubscribed recipient), recording each form.
/// </summary>
public sealed class FakeTwilioServer : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000000";
    public const string AuthToken = "fake-auth-token-for-tests";

    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> messages = new();
    private readonly ConcurrentDictionary<string, bool> unsubscribed = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int counter;
    private int refused;

    private FakeTwilioServer(int port)
    {
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseUrl.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    /// <summary>The form fields of every message created, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Messages => messages.ToList();

    public static FakeTwilioServer Start()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new FakeTwilioServer(port);
    }

    /// <summary>Blocks sends to this address as Twilio does after the person texted STOP to the carrier: 400, error 21610.</summary>
    public void Unsubscribe(string to) => unsubscribed[to] = true;

    /// <summary>How many sends were refused with 21610.</summary>
    public int Refused => Volatile.Read(ref refused);

    /// <summary>Waits until at least <paramref name="count"/> messages were created, or the timeout passes.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        // The host under test works in real time: wait on the real clock.
        var until = TimeProvider.System.GetUtcNow() + timeout;
        while (messages.Count < count && TimeProvider.System.GetUtcNow() < until)
        {
            await Task.Delay(50);
        }

        return Messages;
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
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

            using var response = context.Response;
            var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
            if (context.Request.Headers["Authorization"] != expectedAuth)
            {
                await Write(response, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
                continue;
            }

            if (context.Request.HttpMethod != "POST" || context.Request.Url!.AbsolutePath != $"/2010-04-01/Accounts/{AccountSid}/Messages.json")
            {
                await Write(response, 404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
                continue;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var form = (await reader.ReadToEndAsync()).Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.Length > 1 ? p[1] : string.Empty), StringComparer.Ordinal);
            if (unsubscribed.ContainsKey(form.GetValueOrDefault("To") ?? string.Empty))
            {
                Interlocked.Increment(ref refused);
                await Write(response, 400, "{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\",\"more_info\":\"https://www.twilio.com/docs/errors/21610\",\"status\":400}");
                continue;
            }

            messages.Enqueue(form);
            var sid = $"SM{Interlocked.Increment(ref counter):D32}";
            await Write(response, 201, $"{{\"sid\":\"{sid}\",\"status\":\"queued\",\"to\":\"{form.GetValueOrDefault("To")}\"}}");
        }
    }

    private static async Task Write(HttpListenerResponse response, int status, string json)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(json);
        await response.OutputStream.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (ObjectDisposedException)
        {
        }

        stop.Dispose();
    }
}
