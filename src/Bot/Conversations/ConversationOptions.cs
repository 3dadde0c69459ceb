using System.ComponentModel.DataAnnotations;

namespace Reach.Bot.Conversations;

/// <summary>Which organisation's content answers the conversations of this Reach.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>The organisation whose published content answers (its id in the content pack). Default <c>sem</c>.</summary>
    [Required]
    public string Organisation { get; set; } = "sem";
}
