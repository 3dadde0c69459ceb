namespace Reach.Content.Model;

public enum HolidayKind
{
    School,
    Public,
}
