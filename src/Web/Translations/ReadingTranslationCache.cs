using Microsoft.Extensions.Caching.Memory;

namespace Reach.Web.Translations;

/// <summary>
/// The translations <see cref="ReadingTranslator"/> got, for the process's life: at most <see cref="Entries"/>
/// (a few hundred bytes each), each for <see cref="Lifetime"/>, keyed by target language and a hash of the text.
/// A singleton of its own, as the typed Translator client must not live as long.
/// </summary>
public sealed class ReadingTranslationCache : IDisposable
{
    public const int Entries = 5_000;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    internal MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = Entries });

    public void Dispose() => Cache.Dispose();
}
