namespace Reach.Content.Model;

/// <summary>Whether a schedule rule depends on school holidays.</summary>
public enum SchoolFilter
{
    Any,
    TermOnly,
    HolidaysOnly,
}
