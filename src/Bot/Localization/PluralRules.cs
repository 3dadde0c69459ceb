namespace Reach.Bot.Localization;

/// <summary>CLDR cardinal plural categories for whole numbers in the languages Reach speaks.</summary>
public static class PluralRules
{
    /// <summary>zero, one, two, few, many or other, as CLDR defines them for <paramref name="language"/>.</summary>
    public static string Category(string language, long n)
    {
        var abs = Math.Abs(n);
        var mod10 = abs % 10;
        var mod100 = abs % 100;
        return language switch
        {
            "ar" => abs switch
            {
                0 => "zero",
                1 => "one",
                2 => "two",
                _ when mod100 is >= 3 and <= 10 => "few",
                _ when mod100 is >= 11 and <= 99 => "many",
                _ => "other",
            },
            "uk" or "ru" => mod10 == 1 && mod100 != 11 ? "one"
                : mod10 is >= 2 and <= 4 && mod100 is < 12 or > 14 ? "few"
                : "many",
            "fr" => abs is 0 or 1 ? "one" : "other",
            _ => abs == 1 ? "one" : "other",
        };
    }
}
