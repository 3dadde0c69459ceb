using Reach.Content.Model;

namespace Reach.Content.Packs;

/// <summary>What the reader collects across every file of a pack, checked once all files are read.</summary>
internal sealed class PackState
{
    public List<Diagnostic> Diagnostics { get; } = [];

    public List<IdDeclaration> Ids { get; } = [];

    public List<Reference> References { get; } = [];

    public List<TextUse> Texts { get; } = [];

    public void Report(Severity severity, string file, int line, string field, string message) =>
        Diagnostics.Add(new Diagnostic(severity, file, line, field, message));
}

/// <summary>What an id names, for reference checks.</summary>
internal enum ItemKind
{
    Organisation,
    Site,
    Service,
    Activity,
    Session,
    Faq,
    Referral,
    Safety,
    Holidays,
}

internal sealed record IdDeclaration(string Id, ItemKind Kind, string Scope, string File, int Line, string Field);

internal sealed record Reference(string Id, ItemKind[] Kinds, string Scope, string File, int Line, string Field);

internal sealed record TextUse(IReadOnlyCollection<string> Languages, bool Required, string Scope, string File, int Line, string Field);

/// <summary>Where an organisation folder's items come from; <c>Scope</c> is the folder.</summary>
internal sealed record FileScope(string File, string Scope, SourceRef Origin);
