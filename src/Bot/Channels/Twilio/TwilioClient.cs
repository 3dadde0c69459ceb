using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Reach.Bot.Channels.Twilio;

/// <summary>
/// The one Twilio REST call Reach makes: create a message (SMS, or WhatsApp free-form or template).
/// Not retried: a send that may have reached Twilio is never sent twice.
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
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));
        using var response = await httpClient.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        if (!response.IsSuccessStatusCode)
        {
            var code = json.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0;
            var message = json.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
            throw new TwilioApiException((int)response.StatusCode, code, message ?? response.ReasonPhrase ?? "error");
        }

        return json.RootElement.GetProperty("sid").GetString()!;
    }
}
