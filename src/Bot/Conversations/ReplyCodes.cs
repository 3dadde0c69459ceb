using Reach.Bot.Language;

namespace Reach.Bot.Conversations;

/// <summary>
/// What a person types to answer a reminder when buttons are not available: <c>1</c> (I will come) or <c>2</c>
/// (I cannot come), the numbers of the reminder's two choices. Never an opt-out word of any language: Twilio's
/// CANCEL would unsubscribe the person, so codes are checked against every keyword when this class loads.
/// </summary>
public static class ReplyCodes
{
    public static readonly IReadOnlyList<string> Confirm = ["1"];

    public static readonly IReadOnlyList<string> Cancel = ["2"];

    static ReplyCodes()
    {
        foreach (var code in Confirm.Concat(Cancel))
        {
            if (Keywords.Collides(code))
            {
                throw new InvalidOperationException($"The reply code '{code}' is also an opt-out, resume or help word.");
            }
        }
    }

    /// <summary>True for a confirm code, false for a cancel code, null for anything else.</summary>
    public static bool? Read(string? text)
    {
        var written = TextNormalizer.Normalize(text ?? string.Empty).Trim().TrimEnd('.');
        return Confirm.Contains(written) ? true : Cancel.Contains(written) ? false : null;
    }
}
