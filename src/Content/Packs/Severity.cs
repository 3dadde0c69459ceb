namespace Reach.Content.Packs;

public enum Severity
{
    Warning,
    Error,
}
