using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Reach.Testing.Fakes.FakeTelegramEnvelope;

namespace Reach.Testing.Fakes;

/// <summary>
/// An in-process Bot API server on <c>http://127.0.0.1:{free port}/</c> for <c>sendMessage</c>, <c>answerCallbackQuery</c>,
/// <c>getUpdates</c>, <c>setWebhook</c> and <c>deleteWebhook</c>, answering with the envelopes and error strings of
/// <c>tdlib/telegram-bot-api</c> (docs: channel-apis.md §1). It records every request, serves queued updates to
/// <c>getUpdates</c> (honouring <c>offset</c>, long-polling at most <see cref="LongPollCap"/>), and can fail the next
/// <c>sendMessage</c> with flood control (429) or a block (403). Built on HttpListener: Reach.Testing has no ASP.NET Core.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    /// <summary>A well-formed token whose bot id is 123456.</summary>
    public const string DefaultToken = "123456:AAFakeTokenForTests_only-0";

    private readonly HttpListener listener;
    private readonly TimeProvider timeProvider;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly List<RecordedTelegramRequest> requests = [];
    private readonly List<(long Id, string Json)> pending = [];
    private readonly Queue<(int Status, string Body)> sendFailures = new();
    private readonly Task loop;
    private TaskCompletionSource updateArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long lastMessageId = 100;

    private FakeTelegramServer(HttpListener listener, Uri baseUrl, string token, TimeProvider timeProvider)
    {
        this.listener = listener;
        this.timeProvider = timeProvider;
        BaseUrl = baseUrl;
        Token = token;
        BotId = long.Parse(token[..token.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        loop = Task.Run(AcceptAsync);
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>: use it as <c>Telegram:BaseUrl</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The only token accepted; any other gets 401 <c>Unauthorized</c>.</summary>
    public string Token { get; }

    /// <summary>The bot's user id: the digits before the token's colon.</summary>
    public long BotId { get; }

    /// <summary>The longest a <c>getUpdates</c> with a <c>timeout</c> waits for an update here. Default 2 s.</summary>
    public TimeSpan LongPollCap { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The URL of the last successful <c>setWebhook</c>, null when none (polling allowed).</summary>
    public string? WebhookUrl { get; private set; }

    /// <summary>The <c>secret_token</c> of the last successful <c>setWebhook</c>.</summary>
    public string? WebhookSecret { get; private set; }

    /// <summary>Every request so far, oldest first.</summary>
    public IReadOnlyList<RecordedTelegramRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static FakeTelegramServer Start(string token = DefaultToken, TimeProvider? timeProvider = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(baseUrl.AbsoluteUri);
            try
            {
                listener.Start();
                return new FakeTelegramServer(listener, baseUrl, token, timeProvider ?? TimeProvider.System);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding.
                listener.Close();
            }
        }
    }

    /// <summary>The requests for one Bot API method (case-insensitive, as the server treats them).</summary>
    public IReadOnlyList<RecordedTelegramRequest> RequestsTo(string method) =>
        [.. Requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Queues one <c>Update</c> (JSON with an <c>update_id</c>) for <c>getUpdates</c>.</summary>
    public void EnqueueUpdate(string updateJson)
    {
        var id = JsonNode.Parse(updateJson)?["update_id"]?.GetValue<long>()
            ?? throw new ArgumentException("An update needs an update_id.", nameof(updateJson));
        lock (gate)
        {
            pending.Add((id, updateJson));
            updateArrived.TrySetResult();
            updateArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>The next <c>sendMessage</c> gets 429 <c>Too Many Requests: retry after N</c> with <c>parameters.retry_after</c>.</summary>
    public void FailNextSendMessageWithRetryAfter(int seconds)
    {
        var body = Error(429, $"Too Many Requests: retry after {seconds}", seconds);
        lock (gate)
        {
            sendFailures.Enqueue((429, body));
        }
    }

    /// <summary>The next <c>sendMessage</c> gets 403 <c>Forbidden: bot was blocked by the user</c>.</summary>
    public void FailNextSendMessageWithBlocked()
    {
        var body = Error(403, "Forbidden: bot was blocked by the user");
        lock (gate)
        {
            sendFailures.Enqueue((403, body));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await loop;
        listener.Close();
        stopping.Dispose();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().WaitAsync(stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(stopping.Token);
            }

            var path = context.Request.Url?.AbsolutePath ?? "/";
            var match = MethodPath().Match(path);
            var method = match.Success ? match.Groups["method"].Value : "";
            lock (gate)
            {
                requests.Add(new RecordedTelegramRequest(context.Request.HttpMethod, path, method, body));
            }

            var (status, json) = !match.Success ? (404, Error(404, "Not Found: method not found"))
                : match.Groups["token"].Value != Token ? (401, Error(401, "Unauthorized"))
                : await DispatchAsync(method.ToLowerInvariant(), body.Length == 0 ? null : JsonNode.Parse(body));
            await WriteAsync(response, status, json);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            await WriteAsync(response, 400, Error(400, $"Bad Request: {exception.Message}"));
        }
        catch (Exception exception) when (exception is OperationCanceledException or HttpListenerException or ObjectDisposedException)
        {
            response.Abort();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    [GeneratedRegex("^/bot(?<token>[^/]+)/(?<method>[A-Za-z]+)$")]
    private static partial Regex MethodPath();
}
