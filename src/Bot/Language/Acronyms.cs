using System.Text.RegularExpressions;

namespace Reach.Bot.Language;

/// <summary>
/// Acronyms people write in capitals that would otherwise read as ordinary words once lower-cased:
/// "l'AS" is the social worker (assistante sociale), not the verb "as".
/// </summary>
public static partial class Acronyms
{
    public static string Expand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SocialWorker().Replace(text, "assistante sociale");
    }

    [GeneratedRegex(@"(?<![\p{L}])AS(?![\p{L}])")]
    private static partial Regex SocialWorker();
}
