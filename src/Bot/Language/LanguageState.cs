namespace Reach.Bot.Language;

/// <summary>
/// What Reach remembers of a person's language: the one it answers in, and a different language seen in
/// their last messages that may become theirs if they keep writing in it.
/// </summary>
public sealed record LanguageState(string? Current, string? Candidate = null, int CandidateCount = 0)
{
    public static LanguageState New { get; } = new((string?)null);
}
