using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Reach.Web.Translations;

/// <summary>
/// The Translator call Reach makes: <c>POST /translate?api-version=3.0&amp;to=…</c> (with <c>from=…</c> when the
/// language is known; without it the service detects each text's language), one or several texts per request.
/// Failures throw <see cref="TranslatorException"/> with the service's code and message.
/// </summary>
public sealed class TranslatorClient(HttpClient httpClient, IOptions<TranslatorOptions> options)
{
    // Translator v3's request limits were 100 texts and 10,000 characters before they were raised to 1,000 and
    // 50,000: the older ones hold for every resource.

    /// <summary>At most this many texts in one request.</summary>
    public const int MaxTextsPerRequest = 100;

    /// <summary>At most this many characters (all texts together) in one request.</summary>
    public const int MaxCharactersPerRequest = 10_000;

    public async Task<string> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        return (await SendAsync([text], from, to, cancellationToken))[0].Text;
    }

    /// <summary>
    /// Several texts in one request, answered in the same order. Without <paramref name="from"/> the service detects
    /// each text's language and says which (<see cref="TranslatedText.DetectedLanguage"/>).
    /// </summary>
    public async Task<IReadOnlyList<TranslatedText>> TranslateManyAsync(IReadOnlyList<string> texts, string? from, string to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        if (texts.Count is 0 or > MaxTextsPerRequest || texts.Any(string.IsNullOrWhiteSpace) || texts.Sum(t => t.Length) > MaxCharactersPerRequest)
        {
            throw new ArgumentException($"Between 1 and {MaxTextsPerRequest} non-empty texts of at most {MaxCharactersPerRequest} characters together.", nameof(texts));
        }

        return await SendAsync(texts, from, to, cancellationToken);
    }

    private async Task<IReadOnlyList<TranslatedText>> SendAsync(IReadOnlyList<string> texts, string? from, string to, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = $"/translate?api-version=3.0&to={Uri.EscapeDataString(to)}" + (string.IsNullOrEmpty(from) ? string.Empty : $"&from={Uri.EscapeDataString(from)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Endpoint, query))
        {
            Content = JsonContent.Create(texts.Select(t => new TranslateText(t)).ToArray()),
        };
        request.Headers.Add("Ocp-Apim-Subscription-Key", settings.Key);
        if (settings.Region.Length > 0)
        {
            request.Headers.Add("Ocp-Apim-Subscription-Region", settings.Region);
        }

        using var response = await httpClient.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await ReadErrorAsync(response, cancellationToken);
            throw new TranslatorException((int)response.StatusCode, error?.Error?.Code ?? 0, error?.Error?.Message ?? response.ReasonPhrase ?? "error");
        }

        var results = await response.Content.ReadFromJsonAsync<TranslateResult[]>(cancellationToken);
        if (results is null || results.Length != texts.Count)
        {
            throw new TranslatorException((int)response.StatusCode, 0, $"the answer had {results?.Length ?? 0} result(s) for {texts.Count} text(s)");
        }

        return results.Select(r => new TranslatedText(
                r.Translations?.FirstOrDefault(t => t.To == to)?.Text ?? throw new TranslatorException((int)response.StatusCode, 0, "the answer had no translation"),
                r.DetectedLanguage?.Language))
            .ToList();
    }

    /// <summary>Translator's error body, when there is one (a proxy in between may answer with HTML or nothing).</summary>
    private static async Task<ErrorEnvelope?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ErrorEnvelope>(cancellationToken);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private sealed record TranslateText([property: JsonPropertyName("Text")] string Text);

    private sealed record TranslateResult(
        [property: JsonPropertyName("translations")] Translation[]? Translations,
        [property: JsonPropertyName("detectedLanguage")] DetectedLanguage? DetectedLanguage);

    private sealed record Translation([property: JsonPropertyName("text")] string Text, [property: JsonPropertyName("to")] string To);

    private sealed record DetectedLanguage([property: JsonPropertyName("language")] string? Language);

    private sealed record ErrorEnvelope([property: JsonPropertyName("error")] ErrorBody? Error);

    private sealed record ErrorBody([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("message")] string? Message);
}

/// <summary>One translated text and, when the request gave no source language, the language the service detected.</summary>
public sealed record TranslatedText(string Text, string? DetectedLanguage);

public sealed class TranslatorException(int status, int code, string message) : Exception($"Translator answered {status} ({code}): {message}")
{
    public int Status { get; } = status;

    public int Code { get; } = code;
}
