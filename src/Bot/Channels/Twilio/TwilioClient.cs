using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Reach.Bot.Channels.Twilio;

/// <summary>
/// The Twilio REST calls Reach makes: create a message (SMS, or WhatsApp free-form or template), and list the
/// messages sent to a number (to find out whether an unclear send went). Not retried: a send that may have
/// reached Twilio is never sent twice.
/// </summary>
public sealed class TwilioClient(HttpClient httpClient, IOptions<TwilioOptions> options)
{
    /// <summary>Creates a message and returns its SID (<c>SM…</c> or <c>MM…</c>).</summary>
    public async Task<string> CreateMessageAsync(IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseUrl, $"/2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages.json"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        using var json = await SendAsync(request, cancellationToken);
        return json.RootElement.GetProperty("sid").GetString()!;
    }

    /// <summary>Messages sent to <paramref name="to"/> on or after the day of <paramref name="since"/> (one page of up to 200).</summary>
    public async Task<IReadOnlyList<(string Body, DateTimeOffset DateCreated)>> ListMessagesAsync(string to, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = $"To={Uri.EscapeDataString(to)}&DateSent%3E={since.UtcDateTime:yyyy-MM-dd}&PageSize=200";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.BaseUrl, $"/2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages.json?{query}"));
        using var json = await SendAsync(request, cancellationToken);
        var list = new List<(string, DateTimeOffset)>();
        foreach (var message in json.RootElement.GetProperty("messages").EnumerateArray())
        {
            var created = message.TryGetProperty("date_created", out var d) && d.GetString() is { } text
                && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : DateTimeOffset.MinValue;
            list.Add((message.TryGetProperty("body", out var b) ? b.GetString() ?? string.Empty : string.Empty, created));
        }

        return list;
    }

    private async Task<JsonDocument> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));
        using var response = await httpClient.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        }
        catch (JsonException)
        {
            throw new TwilioApiException((int)response.StatusCode, 0, "the answer was not JSON");
        }

        if (!response.IsSuccessStatusCode)
        {
            using (json)
            {
                var code = json.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0;
                var message = json.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
                throw new TwilioApiException((int)response.StatusCode, code, message ?? response.ReasonPhrase ?? "error");
            }
        }

        return json;
    }
}
