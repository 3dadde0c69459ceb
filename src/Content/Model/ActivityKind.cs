namespace Reach.Content.Model;

public enum ActivityKind
{
    Workshop,
    Course,
    Meal,
    Group,
    Outing,
    Event,
    Distribution,
    Other,
}
