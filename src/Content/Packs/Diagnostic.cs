namespace Reach.Content.Packs;

/// <summary>A problem found in a content pack, printed as <c>file:line: field: message</c>.</summary>
public sealed record Diagnostic(Severity Severity, string File, int Line, string Field, string Message)
{
    public override string ToString() =>
        Severity == Severity.Warning
            ? $"{File}:{Line}: {Field}: warning: {Message}"
            : $"{File}:{Line}: {Field}: {Message}";
}
