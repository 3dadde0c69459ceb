using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Reach.Web.Translations;

/// <summary>
/// People's words (messages, questions not understood) in the language of the staff member reading them, for
/// display only: the texts a page needs go to Translator together (the service detects each text's language),
/// within <see cref="TranslatorOptions.PageTimeout"/>, and the answers are kept in a bounded memory cache keyed by
/// a hash of the text and the target language, so a page seen again asks nothing. A translator that fails or is
/// slow gives what it has and <see cref="ReadingTranslations.Unavailable"/>: the page shows the originals.
/// </summary>
public sealed partial class ReadingTranslator(TranslatorClient client, ReadingTranslationCache readingCache, IOptions<TranslatorOptions> options, ILogger<ReadingTranslator> logger)
{
    private readonly MemoryCache cache = readingCache.Cache;

    public bool Enabled => options.Value.Enabled;

    /// <summary>
    /// The translation into <paramref name="to"/> of each text that is in another language. Texts already in that
    /// language (as the service detected) have none.
    /// </summary>
    public async Task<ReadingTranslations> TranslateAsync(IEnumerable<string> texts, string to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        var found = new Dictionary<string, ReadingTranslation>(StringComparer.Ordinal);
        if (!Enabled)
        {
            return new ReadingTranslations(found, Unavailable: false);
        }

        var missing = new List<string>();
        foreach (var text in texts.Where(t => !string.IsNullOrWhiteSpace(t) && t.Length <= TranslatorClient.MaxCharactersPerRequest).Distinct(StringComparer.Ordinal))
        {
            if (cache.TryGetValue(Key(text, to), out ReadingTranslation? cached) && cached is not null)
            {
                found[text] = cached;
            }
            else
            {
                missing.Add(text);
            }
        }

        if (missing.Count == 0)
        {
            return new ReadingTranslations(found, Unavailable: false);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PageTimeout);
        try
        {
            foreach (var batch in Batches(missing))
            {
                var answers = await client.TranslateManyAsync(batch, from: null, to, timeout.Token);
                for (var i = 0; i < batch.Count; i++)
                {
                    var (original, answer) = (batch[i], answers[i]);
                    var translation = new ReadingTranslation(SameLanguage(answer.DetectedLanguage, to) || answer.Text == original ? null : answer.Text, answer.DetectedLanguage);
                    cache.Set(Key(original, to), translation, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = ReadingTranslationCache.Lifetime });
                    found[original] = translation;
                }
            }

            return new ReadingTranslations(found, Unavailable: false);
        }
        catch (Exception e) when (e is TranslatorException or HttpRequestException or System.Text.Json.JsonException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Only the kind of failure: the texts are people's words.
            Log.Unavailable(logger, missing.Count, to, e is TranslatorException t ? $"status {t.Status} ({t.Code})" : e is OperationCanceledException ? "no answer in time" : e.GetType().Name);
            return new ReadingTranslations(found, Unavailable: true);
        }
    }

    /// <summary>Right to left for Arabic, Persian, Hebrew, Urdu and the other scripts .NET knows to be so.</summary>
    public static bool IsRightToLeft(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return false;
        }

        try
        {
            return CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The same language, whatever the region or script: fr and fr-BE, zh-Hans and zh.</summary>
    public static bool SameLanguage(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Split('-')[0], b.Split('-')[0], StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<List<string>> Batches(List<string> texts)
    {
        var batch = new List<string>();
        var characters = 0;
        foreach (var text in texts)
        {
            if (batch.Count == TranslatorClient.MaxTextsPerRequest || characters + text.Length > TranslatorClient.MaxCharactersPerRequest)
            {
                yield return batch;
                batch = [];
                characters = 0;
            }

            batch.Add(text);
            characters += text.Length;
        }

        yield return batch;
    }

    private static string Key(string text, string to) =>
        to.ToLowerInvariant() + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Translator unavailable for {Count} text(s) into {Language}: {Failure}; shown as written")]
        public static partial void Unavailable(ILogger logger, int count, string language, string failure);
    }
}
