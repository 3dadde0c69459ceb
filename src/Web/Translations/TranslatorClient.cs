using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Reach.Web.Translations;

/// <summary>
/// The one Translator call Reach makes: <c>POST /translate?api-version=3.0&amp;from=…&amp;to=…</c> with one text.
/// Failures throw <see cref="TranslatorException"/> with the service's code and message.
/// </summary>
public sealed class TranslatorClient(HttpClient httpClient, IOptions<TranslatorOptions> options)
{
    public async Task<string> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Endpoint, $"/translate?api-version=3.0&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}"))
        {
            Content = JsonContent.Create(new[] { new TranslateText(text) }),
        };
        request.Headers.Add("Ocp-Apim-Subscription-Key", settings.Key);
        if (settings.Region.Length > 0)
        {
            request.Headers.Add("Ocp-Apim-Subscription-Region", settings.Region);
        }

        using var response = await httpClient.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadFromJsonAsync<ErrorEnvelope>(cancellationToken);
            throw new TranslatorException((int)response.StatusCode, error?.Error?.Code ?? 0, error?.Error?.Message ?? response.ReasonPhrase ?? "error");
        }

        var results = await response.Content.ReadFromJsonAsync<TranslateResult[]>(cancellationToken);
        return results?.FirstOrDefault()?.Translations?.FirstOrDefault(t => t.To == to)?.Text
            ?? throw new TranslatorException((int)response.StatusCode, 0, "the answer had no translation");
    }

    private sealed record TranslateText([property: JsonPropertyName("Text")] string Text);

    private sealed record TranslateResult([property: JsonPropertyName("translations")] Translation[]? Translations);

    private sealed record Translation([property: JsonPropertyName("text")] string Text, [property: JsonPropertyName("to")] string To);

    private sealed record ErrorEnvelope([property: JsonPropertyName("error")] ErrorBody? Error);

    private sealed record ErrorBody([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("message")] string? Message);
}

public sealed class TranslatorException(int status, int code, string message) : Exception($"Translator answered {status} ({code}): {message}")
{
    public int Status { get; } = status;

    public int Code { get; } = code;
}
