using Reach.Content.Model;

namespace Reach.Content.Packs;

/// <summary>The outcome of reading a pack: the content when there is no error, and every problem found.</summary>
public sealed record PackReadResult(ContentPack? Pack, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}
