namespace Reach.Bot.Conversations;

/// <summary>A reply to send on the person's channel, in their language, with optional buttons.</summary>
public sealed record OutgoingMessage(string Channel, string Address, string Language, string Text)
{
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>True for Arabic and other right-to-left languages, for channels that lay text out.</summary>
    public bool RightToLeft => Language is "ar" or "fa" or "he" or "ur";
}
