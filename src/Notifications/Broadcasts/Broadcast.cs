namespace Reach.Notifications.Broadcasts;

/// <summary>
/// A message staff write once and send to an audience: <c>session:{activity}/{session}</c> (the participants),
/// <c>waiting:{activity}/{session}</c> (its waiting list), <c>group:{id}</c> (people who opted into a group) or
/// <c>news</c> (people who opted into the organisation's news). <see cref="Texts"/> holds the source text and the
/// translations staff wrote; <see cref="SendSourceWhereMissing"/> is the staff member's choice for the others.
/// </summary>
public sealed record BroadcastDraft(string OrganisationId, string Author, string Audience, string SourceLanguage, IReadOnlyDictionary<string, string> Texts)
{
    public bool SendSourceWhereMissing { get; init; }
}

/// <summary>What a broadcast will do, before it is sent.</summary>
public sealed record BroadcastPreview(
    int Recipients,
    IReadOnlyList<BroadcastLanguage> Languages,
    IReadOnlyDictionary<string, int> PerChannel,
    int SmsSegments,
    decimal EstimatedCost,
    string Currency)
{
    /// <summary>Languages of recipients with no text: staff write it, or choose to send the source text.</summary>
    public IReadOnlyList<string> MissingLanguages => Languages.Where(l => l.Missing).Select(l => l.Language).ToList();
}

/// <summary>One language of the audience: how many people, on which channels, the text they get and its SMS segments.</summary>
public sealed record BroadcastLanguage(string Language, int Recipients, IReadOnlyDictionary<string, int> PerChannel, string? Text, bool Missing, bool SourceText, int SegmentsPerSms);

public sealed record BroadcastResult(long? Id, BroadcastPreview? Preview, string? Error);

/// <summary>One person of an audience, as the preview needs them.</summary>
public sealed record Recipient(long ContactId, string Channel, string Language);

/// <summary>A stored broadcast: who wrote it, for whom, when it goes, its state.</summary>
public sealed class BroadcastInfo
{
    public long Id { get; set; }

    public string OrganisationId { get; set; } = string.Empty;

    public string Author { get; set; } = string.Empty;

    public string Audience { get; set; } = string.Empty;

    public string SourceLanguage { get; set; } = string.Empty;

    /// <summary>JSON object: language to text.</summary>
    public string Texts { get; set; } = "{}";

    public long SendMs { get; set; }

    public string State { get; set; } = string.Empty;

    public long Recipients { get; set; }
}
