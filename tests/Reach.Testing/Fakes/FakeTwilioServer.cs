using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Reach.Testing.Fakes;

/// <summary>
/// A small Twilio REST API on 127.0.0.1 for tests, with Basic authentication: <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>
/// answers like Twilio (201 and a message JSON, 401, or 400 with error 21610 for an unsubscribed recipient) and records
/// each form; <c>GET</c> on the same path lists the messages created, newest first, filtered by <c>To</c> and by day
/// (<c>DateSent&gt;</c>, on or after), one page of <c>PageSize</c>. Requests are served concurrently. For fault
/// tests a send can be slowed (<see cref="SendDelay"/>) or held unanswered (<see cref="HoldSend"/>) so that the sender
/// can be killed while its request is in flight.
/// </summary>
public sealed class FakeTwilioServer : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000000";
    public const string AuthToken = "fake-auth-token-for-tests";

    private static readonly string ExpectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
    private static readonly string MessagesPath = $"/2010-04-01/Accounts/{AccountSid}/Messages.json";

    private readonly HttpListener listener = new();
    private readonly TimeProvider clock;
    private readonly Lock sync = new();
    private readonly List<SentMessage> sent = []; // guarded by sync
    private readonly Dictionary<string, int> perRecipient = new(StringComparer.Ordinal); // guarded by sync
    private readonly ConcurrentDictionary<string, bool> unsubscribed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> handlers = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private HeldSend? hold; // guarded by sync
    private long sendDelayTicks;
    private long listDelayTicks;
    private int counter;
    private int refused;
    private int listed;

    private FakeTwilioServer(int port, TimeProvider clock)
    {
        this.clock = clock;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseUrl.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    /// <summary>The form fields of every message created, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Messages => Locked(() => sent.Select(m => m.Form).ToList());

    /// <summary>Every message created, in order, as Twilio lists it.</summary>
    public IReadOnlyList<SentMessage> Sent => Locked(() => sent.ToList());

    /// <summary>How many messages were created.</summary>
    public int Count => Locked(() => sent.Count);

    /// <summary>How many messages were created for each <c>To</c>.</summary>
    public IReadOnlyDictionary<string, int> CountsByRecipient => Locked(() => new Dictionary<string, int>(perRecipient, StringComparer.Ordinal));

    /// <summary>How many times the message list was asked for.</summary>
    public int ListRequests => Volatile.Read(ref listed);

    /// <summary>How many sends were refused with 21610.</summary>
    public int Refused => Volatile.Read(ref refused);

    /// <summary>How long each created message waits before Twilio answers (after it is recorded). Default none.</summary>
    public TimeSpan SendDelay { get => TimeSpan.FromTicks(Interlocked.Read(ref sendDelayTicks)); set => Interlocked.Exchange(ref sendDelayTicks, value.Ticks); }

    /// <summary>How long the message list takes to answer (after it is counted in <see cref="ListRequests"/>). Default none.</summary>
    public TimeSpan ListDelay { get => TimeSpan.FromTicks(Interlocked.Read(ref listDelayTicks)); set => Interlocked.Exchange(ref listDelayTicks, value.Ticks); }

    /// <summary>Starts on a free loopback port; <paramref name="clock"/> dates the messages (default: the real clock).</summary>
    public static FakeTwilioServer Start(TimeProvider? clock = null)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new FakeTwilioServer(port, clock ?? TimeProvider.System);
    }

    /// <summary>Blocks sends to this address as Twilio does after the person texted STOP to the carrier: 400, error 21610.</summary>
    public void Unsubscribe(string to) => unsubscribed[to] = true;

    /// <summary>How many messages were created for <paramref name="to"/>.</summary>
    public int CountFor(string to) => Locked(() => perRecipient.GetValueOrDefault(to));

    /// <summary>
    /// Holds the first send that arrives once <paramref name="afterCount"/> messages were created: with
    /// <paramref name="recorded"/> Twilio has it (it is created and listed) but does not answer until
    /// <see cref="Release"/>; without, it has not reached Twilio yet and is dropped on release, as when the
    /// sender dies before its request arrives.
    /// </summary>
    public void HoldSend(int afterCount, bool recorded)
    {
        lock (sync)
        {
            hold = new HeldSend(afterCount, recorded);
        }
    }

    /// <summary>Waits until a send is held and returns its <c>To</c>.</summary>
    public async Task<string> WaitUntilHeldAsync(TimeSpan timeout)
    {
        Task<string> held;
        lock (sync)
        {
            held = (hold ?? throw new InvalidOperationException("Call HoldSend first.")).Held.Task;
        }

        // The process under test works in real time: wait on the real clock.
        return await held.WaitAsync(timeout, TimeProvider.System);
    }

    /// <summary>Lets a held send go: answered if it was recorded (the sender may be gone), else dropped.</summary>
    public void Release()
    {
        lock (sync)
        {
            hold?.Released.TrySetResult();
            hold = null;
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages were created, or the timeout passes.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        // The host under test works in real time: wait on the real clock.
        var until = TimeProvider.System.GetUtcNow() + timeout;
        while (Count < count && TimeProvider.System.GetUtcNow() < until)
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
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var handler = Task.Run(() => HandleAsync(context));
            handlers[handler] = true;
            _ = handler.ContinueWith(t => handlers.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var response = context.Response;
            var path = context.Request.Url!.AbsolutePath;
            if (context.Request.Headers["Authorization"] != ExpectedAuth)
            {
                await Write(response, 401, """{"code":20003,"message":"Authenticate","status":401}""");
            }
            else if (path == MessagesPath && context.Request.HttpMethod == "POST")
            {
                await CreateAsync(context, response);
            }
            else if (path == MessagesPath && context.Request.HttpMethod == "GET")
            {
                Interlocked.Increment(ref listed);
                if (ListDelay > TimeSpan.Zero)
                {
                    await Task.Delay(ListDelay);
                }

                await Write(response, 200, List(Parse(context.Request.Url.Query.TrimStart('?'))));
            }
            else
            {
                await Write(response, 404, """{"code":20404,"message":"The requested resource was not found","status":404}""");
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away (a sender killed in the middle of a request): nobody to answer.
        }
    }

    private async Task CreateAsync(HttpListenerContext context, HttpListenerResponse response)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var form = Parse(await reader.ReadToEndAsync());
        var to = form.GetValueOrDefault("To") ?? string.Empty;
        if (unsubscribed.ContainsKey(to))
        {
            Interlocked.Increment(ref refused);
            await Write(response, 400, """{"code":21610,"message":"Attempt to send to unsubscribed recipient","more_info":"https://www.twilio.com/docs/errors/21610","status":400}""");
            return;
        }

        HeldSend? held = null;
        SentMessage? message = null;
        lock (sync)
        {
            if (hold is { Taken: false } h && sent.Count >= h.AfterCount)
            {
                h.Taken = true;
                held = h;
            }

            if (held is null || held.Recorded)
            {
                message = new SentMessage($"SM{Interlocked.Increment(ref counter):D32}", to, form.GetValueOrDefault("Body") ?? string.Empty, clock.GetUtcNow(), form);
                sent.Add(message);
                perRecipient[to] = perRecipient.GetValueOrDefault(to) + 1;
            }
        }

        if (held is not null)
        {
            held.Held.TrySetResult(to);
            await held.Released.Task;
            if (message is null)
            {
                response.Abort();
                return;
            }
        }
        else if (SendDelay > TimeSpan.Zero)
        {
            await Task.Delay(SendDelay);
        }

        await Write(response, 201, JsonSerializer.Serialize(Json(message!)));
    }

    private string List(Dictionary<string, string> query)
    {
        var to = query.GetValueOrDefault("To");
        var from = Day(query.GetValueOrDefault("DateSent>"));
        var size = int.TryParse(query.GetValueOrDefault("PageSize"), CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 1, 1000) : 50;
        List<SentMessage> page;
        lock (sync)
        {
            page = sent
                .Where(m => to is null || m.To == to)
                .Where(m => from is null || DateOnly.FromDateTime(m.DateCreated.UtcDateTime) >= from)
                .Reverse()
                .Take(size)
                .ToList();
        }

        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["messages"] = page.Select(Json).ToList(),
            ["page"] = 0,
            ["page_size"] = size,
            ["next_page_uri"] = null,
        });
    }

    private static Dictionary<string, object?> Json(SentMessage m) => new()
    {
        ["sid"] = m.Sid,
        ["account_sid"] = AccountSid,
        ["to"] = m.To,
        ["from"] = m.Form.GetValueOrDefault("From"),
        ["body"] = m.Body,
        ["status"] = "queued",
        ["direction"] = "outbound-api",
        ["date_created"] = Rfc2822(m.DateCreated),
        ["date_sent"] = Rfc2822(m.DateCreated),
    };

    /// <summary>Twilio's dates: <c>Sat, 21 Nov 2026 10:00:00 +0000</c>.</summary>
    private static string Rfc2822(DateTimeOffset at) => at.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static Dictionary<string, string> Parse(string encoded)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in encoded.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)))
        {
            fields[WebUtility.UrlDecode(pair[0])] = WebUtility.UrlDecode(pair.Length > 1 ? pair[1] : string.Empty);
        }

        return fields;
    }

    private T Locked<T>(Func<T> read)
    {
        lock (sync)
        {
            return read();
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
        Release();
        await stop.CancelAsync();
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
            await Task.WhenAll(handlers.Keys);
        }
        catch (ObjectDisposedException)
        {
        }

        stop.Dispose();
    }

    /// <summary>A message Twilio created: its SID, recipient, text, creation time and the form it was created from.</summary>
    public sealed record SentMessage(string Sid, string To, string Body, DateTimeOffset DateCreated, IReadOnlyDictionary<string, string> Form);

    private sealed class HeldSend(int afterCount, bool recorded)
    {
        public int AfterCount { get; } = afterCount;

        public bool Recorded { get; } = recorded;

        public bool Taken { get; set; }

        public TaskCompletionSource<string> Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
