using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Reach.Bot.Localization;
using Reach.Content.Storage;

namespace Reach.Bot.Answers;

/// <summary>
/// Answers messages from an organisation's published content: one engine per published version, built
/// once and replaced when a new version is published; questions it cannot answer go to the
/// coordinators' list, without anything that identifies the sender.
/// </summary>
public sealed partial class AnswerService(
    IContentStore store,
    IUnansweredQuestions unanswered,
    IOptions<AnswerOptions> options,
    TimeProvider timeProvider,
    ILogger<AnswerService> logger)
{
    private readonly ConcurrentDictionary<string, (int Version, AnswerEngine Engine)> engines = new(StringComparer.Ordinal);

    /// <summary>The answer, or null when the organisation has no published content.</summary>
    public async Task<Answer?> AnswerAsync(string organisationId, string? message, string? language, CancellationToken cancellationToken)
    {
        var engine = await EngineAsync(organisationId, cancellationToken);
        if (engine is null)
        {
            return null;
        }

        var answer = engine.Answer(message, language, Instant.FromDateTimeOffset(timeProvider.GetUtcNow()));
        if (answer.Abstained && !string.IsNullOrWhiteSpace(message))
        {
            await unanswered.RecordAsync(organisationId, answer.Language, message, cancellationToken);
            Log.Unanswered(logger, organisationId, answer.Language);
        }

        return answer;
    }

    /// <summary>The engine for the organisation's current version, building it when the version changed.</summary>
    public async Task<AnswerEngine?> EngineAsync(string organisationId, CancellationToken cancellationToken)
    {
        var published = await store.GetPublishedAsync(organisationId, cancellationToken);
        if (published is null)
        {
            return null;
        }

        if (engines.TryGetValue(organisationId, out var cached) && cached.Version == published.Version)
        {
            return cached.Engine;
        }

        var engine = new AnswerEngine(published.Content, Locales.Default, options.Value);
        engines[organisationId] = (published.Version, engine);
        Log.EngineBuilt(logger, organisationId, published.Version);
        return engine;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Answer engine built for {Organisation} version {Version}")]
        public static partial void EngineBuilt(ILogger logger, string organisation, int version);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "A question in {Language} for {Organisation} was not understood and added to the coordinators' list")]
        public static partial void Unanswered(ILogger logger, string organisation, string language);
    }
}
